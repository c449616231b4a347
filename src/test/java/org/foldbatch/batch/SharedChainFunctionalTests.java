package org.foldbatch.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foldbatch.TestProcesses.foldbatch;
import static org.foldbatch.TestProcesses.kill;
import static org.foldbatch.TestProcesses.read;
import static org.foldbatch.TestProcesses.slowHmmerWrappers;
import static org.foldbatch.TestProcesses.slowSearchWrappers;
import static org.foldbatch.TestProcesses.start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two {@code foldbatch run} processes on one PostgreSQL, each with an input holding the same protein chain (#12 item
 * 8): every database is searched by one of them only, and the other uses what it stored. A claimant killed
 * mid-search does not block the other: its claims are taken over.
 */
@IntegrationTest
class SharedChainFunctionalTests {

    @TempDir
    Path dir;

    @Test
    void twoJobsRunningAtOnceSearchTheirSharedChainOnce() throws Exception {
        String url = TestDatabases.newPostgresSchema("fbshare");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, TestDatabases.POSTGRES_USER, ""));
        Path hmmer = slowHmmerWrappers(dir.resolve("hmmer"), "1");
        Path alpha = input("alpha");
        Path beta = input("beta");

        Process a = start(command(url, hmmer, alpha), dir.resolve("alpha.log"));
        Process b = start(command(url, hmmer, beta), dir.resolve("beta.log"));
        assertThat(a.waitFor(6, TimeUnit.MINUTES)).isTrue();
        assertThat(b.waitFor(6, TimeUnit.MINUTES)).isTrue();

        assertThat(a.exitValue()).as(read(dir.resolve("alpha.log"))).isZero();
        assertThat(b.exitValue()).as(read(dir.resolve("beta.log"))).isZero();
        // uniref90, mgnify, small_bfd and uniprot for the chain, and its template search: one run each
        List<Map<String, Object>> runs = jdbc.queryForList(
                "SELECT tool, database_name, COUNT(*) AS n FROM fb_tool_run GROUP BY tool, database_name");
        assertThat(runs).hasSize(5).allSatisfy(r -> assertThat(((Number) r.get("n")).intValue()).as(r.toString())
                .isEqualTo(1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fb_work_claim", Integer.class)).isZero();
        assertThat(dataJson("beta").replace("\"beta\"", "\"alpha\"")).isEqualTo(dataJson("alpha"));
        assertThat(read(dir.resolve("alpha.log")) + read(dir.resolve("beta.log")))
                .contains("waiting for its result");
    }

    @Test
    void theClaimsOfAKilledClaimantAreTakenOver() throws Exception {
        String url = TestDatabases.newPostgresSchema("fbshare");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, TestDatabases.POSTGRES_USER, ""));
        // the first process's searches would take minutes; the second's HMMER runs at full speed
        Process a = start(command(url, slowSearchWrappers(dir.resolve("stuck"), "300"), input("alpha")),
                dir.resolve("alpha.log"));
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> !a.isAlive() || claims(jdbc) >= 4);
        assertThat(a.isAlive()).as(read(dir.resolve("alpha.log"))).isTrue();
        Process b = start(command(url, slowSearchWrappers(dir.resolve("hmmer"), "0"), input("beta")),
                dir.resolve("beta.log"));
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> !b.isAlive() || read(dir.resolve("beta.log")).contains("waiting for its result"));

        kill(a);

        assertThat(b.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(b.exitValue()).as(read(dir.resolve("beta.log"))).isZero();
        assertThat(read(dir.resolve("beta.log"))).contains("taking over the claim");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fb_tool_run WHERE tool = 'jackhmmer'", Integer.class))
                .isEqualTo(4);
        assertThat(dir.resolve("out/beta/beta_data.json")).exists();
    }

    private Path input(String name) throws IOException {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, """
                {"dialect": "alphafold3", "version": 4, "name": "%s", "modelSeeds": [1],
                 "sequences": [{"protein": {"id": "A", "sequence": "%s"}}]}
                """.formatted(name, FoldJobFunctionalTests.RESPONSE_REGULATOR));
        return file;
    }

    private String dataJson(String name) throws IOException {
        return Files.readString(dir.resolve("out").resolve(name).resolve(name + "_data.json"));
    }

    private List<String> command(String dbUrl, Path hmmerDir, Path input) {
        return foldbatch(List.of("run", input.toString(), "--config", "samples/foldbatch-sample.properties",
                "--db-url", dbUrl, "--db-user", TestDatabases.POSTGRES_USER,
                "--data-dir", dir.resolve("data").toString(),
                "--hmmer-binary-dir", hmmerDir.toString(), "--output-dir", dir.resolve("out").toString(),
                "--data-pipeline-only", "--max-parallel-searches", "4"));
    }


    private static int claims(JdbcTemplate jdbc) {
        try {
            return jdbc.queryForObject("SELECT COUNT(*) FROM fb_work_claim", Integer.class);
        } catch (RuntimeException notMigratedYet) {
            return 0;
        }
    }
}
