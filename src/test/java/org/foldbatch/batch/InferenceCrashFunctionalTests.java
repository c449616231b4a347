package org.foldbatch.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.foldbatch.model.ModelConfig;
import org.foldbatch.model.RandomWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Kills a real {@code foldbatch run} (SIGKILL) while it infers seed 2 of 3, from a complete {@code _data.json}
 * with the test-only random weights, and runs the same command again: only seeds 2 and 3 are inferred again, and
 * the ranking covers all three.
 */
@IntegrationTest
class InferenceCrashFunctionalTests {

    @TempDir
    Path dir;

    @Test
    void aRunKilledDuringSeedTwoOfThreeRedoesOnlySeedsTwoAndThree() throws Exception {
        TestDatabases.requirePostgres();
        String schema = "fbinfer_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        String url = TestDatabases.postgresUrl(schema);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, TestDatabases.POSTGRES_USER, ""));
        Path model = RandomWeights.write(dir.resolve("model"), ModelConfig.small(), 7).getParent();
        Path input = dir.resolve("peptide.json");
        Files.writeString(input, """
                {"dialect": "alphafold3", "version": 4, "name": "peptide", "modelSeeds": [11, 22, 33],
                 "sequences": [{"protein": {"id": "A", "sequence": "SEFEKLRQTGDELVQAFQRLREIFDKGDDDSLEQ",
                   "unpairedMsa": "", "pairedMsa": "", "templates": []}}]}
                """);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), "org.foldbatch.cli.Main",
                "run", input.toString(), "--no-data-pipeline", "--config", "samples/foldbatch-sample.properties",
                "--db-url", url, "--db-user", TestDatabases.POSTGRES_USER, "--data-dir", dir.resolve("data").toString(),
                "--output-dir", dir.resolve("out").toString(), "--model-dir", model.toString(),
                "--num-diffusion-samples", "1", "--diffusion-steps", "2", "--num-recycles", "0");

        Process first = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("first.log").toFile()).start();
        Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(100))
                .until(() -> !first.isAlive() || inferring(jdbc, "inferSeed:seed-22"));
        assertThat(first.isAlive()).as(Files.readString(dir.resolve("first.log"))).isTrue();
        List<ProcessHandle> family = new ArrayList<>(first.descendants().toList());
        first.destroyForcibly();
        family.forEach(ProcessHandle::destroyForcibly);
        first.waitFor(30, TimeUnit.SECONDS);
        assertThat(dir.resolve("out/peptide/seed-11_sample-0/peptide_seed-11_sample-0_model.cif")).exists();

        Process second = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("second.log").toFile()).start();
        assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();

        long secondExecution = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
        assertThat(jdbc.queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
                + "AND STEP_NAME LIKE 'inferSeed:%' ORDER BY STEP_NAME", String.class, secondExecution))
                .containsExactly("inferSeed:seed-22", "inferSeed:seed-33");
        assertThat(jdbc.queryForList("SELECT seed FROM fb_sample_result ORDER BY seed", Long.class))
                .containsExactly(11L, 22L, 33L);
        assertThat(Files.readAllLines(dir.resolve("out/peptide/peptide_ranking_scores.csv")))
                .hasSize(4).first().isEqualTo("seed,sample,ranking_score");
        assertThat(dir.resolve("out/peptide/peptide_model.cif")).exists();
    }

    private static boolean inferring(JdbcTemplate jdbc, String step) {
        try {
            return jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ? AND STATUS = 'STARTED'",
                    Integer.class, step) > 0;
        } catch (RuntimeException notMigratedYet) {
            return false;
        }
    }
}
