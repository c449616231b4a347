package org.foldbatch.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foldbatch.TestProcesses.dataPipelineRun;
import static org.foldbatch.TestProcesses.start;
import static org.foldbatch.TestProcesses.read;
import static org.foldbatch.TestProcesses.slowHmmerWrappers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.foldbatch.util.Hashing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Kills a real {@code foldbatch run} process (SIGKILL) in the middle of its gene search and runs the same command
 * again: the relaunch must finish the job, reusing the partitions that had completed, with no duplicate cache rows.
 */
@IntegrationTest
class FoldJobCrashFunctionalTests {

    @TempDir
    Path dir;

    @Test
    void aKilledRunIsCompletedByRelaunchingTheSameCommand() throws Exception {
        // given: a PostgreSQL schema, and HMMER slowed down by wrappers so the kill lands mid-search
        TestDatabases.requirePostgres();
        String schema = "fbcrash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        String url = TestDatabases.postgresUrl(schema);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, TestDatabases.POSTGRES_USER, ""));
        Path slowHmmer = slowHmmerWrappers(dir.resolve("hmmer"), "0.7");
        Path input = dir.resolve("three_chains.json");
        Files.writeString(input, """
                {"dialect": "alphafold3", "version": 4, "name": "three_chains", "modelSeeds": [1],
                 "sequences": [
                   {"protein": {"id": "A", "sequence": "%s"}},
                   {"protein": {"id": "B", "sequence": "%s"}},
                   {"rna": {"id": "C", "sequence": "%s"}}]}
                """.formatted(FoldJobFunctionalTests.RESPONSE_REGULATOR, FoldJobFunctionalTests.PROTEIN_5TGY, U6_RNA));
        List<String> command = dataPipelineRun(dir, url, slowHmmer, input);

        // when: the first run is killed once one chain's partition has completed and another is running
        Process first = start(command, dir.resolve("first.log"));
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() ->
                !first.isAlive() || (count(jdbc, "COMPLETED") >= 1 && count(jdbc, "STARTED") >= 1));
        assertThat(first.isAlive()).as("first run still running when killed; log: " + read(dir.resolve("first.log")))
                .isTrue();
        List<ProcessHandle> family = new ArrayList<>(first.descendants().toList());
        first.destroyForcibly();
        family.forEach(ProcessHandle::destroyForcibly);
        first.waitFor(30, TimeUnit.SECONDS);
        List<String> completedBeforeKill = jdbc.queryForList(
                "SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'geneSearchChain:%' AND STATUS = 'COMPLETED'",
                String.class);
        int runsBeforeKill = jdbc.queryForObject("SELECT COUNT(*) FROM fb_tool_run", Integer.class);

        // then: the same command completes the job
        Process second = start(command, dir.resolve("second.log"));
        assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(second.exitValue()).as(read(dir.resolve("second.log"))).isZero();

        List<Map<String, Object>> executions = jdbc.queryForList(
                "SELECT JOB_EXECUTION_ID, STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID");
        assertThat(executions).extracting(r -> r.get("status")).containsExactly("FAILED", "COMPLETED");
        long secondExecution = ((Number) executions.get(1).get("job_execution_id")).longValue();
        List<String> rerun = jdbc.queryForList(
                "SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE 'geneSearchChain:%'",
                String.class, secondExecution);
        assertThat(completedBeforeKill).isNotEmpty();
        assertThat(rerun).doesNotContainAnyElementsOf(completedBeforeKill);
        assertThat(rerun.size() + completedBeforeKill.size()).isEqualTo(3);

        // 4 + 4 jackhmmer and 3 nhmmer searches, each stored once; tool runs of finished chains not repeated
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fb_msa_cache", Integer.class)).isEqualTo(11);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT cache_key) FROM fb_tool_run WHERE tool <> 'hmmsearch'",
                Integer.class)).isEqualTo(11);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fb_tool_run", Integer.class))
                .isGreaterThanOrEqualTo(runsBeforeKill);
        assertThat(dir.resolve("out/three_chains/three_chains_data.json")).exists();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fb_tool_run WHERE sequence_sha256 = ? AND tool = 'jackhmmer'",
                Integer.class, Hashing.sha256(FoldJobFunctionalTests.RESPONSE_REGULATOR))).isEqualTo(4);
    }

    static final String U6_RNA = "GUCCUCUUCGGAGUGACAUAUACAAAAAUUGGAACGAUACAGAGAAGAUUAGCAUGGCCCCUGCACAAGGAUGACA"
            + "CGCUAGUUCAGAGUGGACGGUCUACGGACCGCAAUAUUUAUUUUU";

    private static int count(JdbcTemplate jdbc, String status) {
        try {
            return jdbc.queryForObject(
                    "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'geneSearchChain:%' AND STATUS = ?",
                    Integer.class, status);
        } catch (RuntimeException schemaNotMigratedYet) {
            return 0;
        }
    }

}
