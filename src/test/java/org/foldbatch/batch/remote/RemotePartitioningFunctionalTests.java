package org.foldbatch.batch.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foldbatch.TestProcesses.read;
import static org.foldbatch.TestProcesses.requireRabbitMq;
import static org.foldbatch.TestProcesses.slowHmmerWrappers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.foldbatch.batch.FoldbatchTestContext;
import org.foldbatch.batch.FoldJobLauncher;
import org.foldbatch.batch.FoldJobParameters;
import org.foldbatch.batch.campaign.Campaign;
import org.foldbatch.batch.campaign.CampaignLauncher;
import org.foldbatch.batch.campaign.CampaignReader;
import org.foldbatch.batch.jdbc.JdbcFoldInputStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 1 x 20 ligand screen with its gene searches run by two {@code foldbatch worker} processes over RabbitMQ and
 * PostgreSQL; the worker running the target's search is killed (SIGKILL) mid-partition. The campaign still completes
 * (its candidates' fold jobs search on the surviving worker), and restarting the fold job whose partition died reruns
 * that partition on the other worker.
 */
@IntegrationTest
class RemotePartitioningFunctionalTests {


    @TempDir
    Path dir;

    @RegisterExtension
    final WorkerProcesses workers = new WorkerProcesses();

    @Test
    void twoWorkersShareTheCampaignAndAKilledWorkersPartitionFailsAndIsRunElsewhere() throws Exception {
        requireRabbitMq();
        String queue = "foldbatch.test." + UUID.randomUUID();
        Map<String, Object> properties = WorkerProcesses.launcher(dir.resolve("manager"), queue, "5m");
        Campaign campaign = CampaignReader.read(Path.of("jobs/response_regulator_ligand_screen.yaml"));
        Path slowHmmer = slowHmmerWrappers(dir.resolve("hmmer"), "1.5");

        try (ConfigurableApplicationContext manager = FoldbatchTestContext.start(properties)) {
            JdbcTemplate jdbc = manager.getBean(JdbcTemplate.class);
            String url = String.valueOf(properties.get("spring.datasource.url"));
            for (int i = 0; i < 2; i++) {
                worker(url, queue, slowHmmer, dir.resolve("worker" + i + ".log"), dir.resolve("w" + i));
            }
            for (int i = 0; i < 2; i++) {
                Path log = dir.resolve("worker" + i + ".log");
                Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> read(log).contains("taking partitions"));
            }

            CompletableFuture<CampaignLauncher.Outcome> run = CompletableFuture.supplyAsync(() -> manager
                    .getBean(CampaignLauncher.class).run(campaign, dir.resolve("out"), CampaignLauncher.Trigger.MANUAL,
                            null));
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() ->
                    jdbc.queryForObject("SELECT COUNT(*) FROM fb_partition_worker", Integer.class) > 0);
            long killedPid = jdbc.queryForObject("SELECT pid FROM fb_partition_worker ORDER BY started_at FETCH FIRST 1 ROWS ONLY",
                    Long.class);
            long killedStep = jdbc.queryForObject("SELECT step_execution_id FROM fb_partition_worker WHERE pid = ?",
                    Long.class, killedPid);
            Thread.sleep(1500);
            Process killed = workers.all().stream().filter(p -> p.pid() == killedPid).findFirst().orElseThrow();
            killed.descendants().forEach(ProcessHandle::destroyForcibly);
            killed.destroyForcibly();
            killed.waitFor(30, TimeUnit.SECONDS);
            CampaignLauncher.Outcome outcome = run.get(5, TimeUnit.MINUTES);
            CampaignLauncher.Outcome again = manager.getBean(CampaignLauncher.class).run(campaign, dir.resolve("out"),
                    CampaignLauncher.Trigger.MANUAL, null);

            assertThat(outcome.execution().getStatus()).as(outcome.message() + "\n" + read(dir.resolve("worker0.log")))
                    .isEqualTo(BatchStatus.COMPLETED);
            Map<String, Object> killedPartition = jdbc.queryForMap(
                    "SELECT STATUS, EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?", killedStep);
            assertThat(killedPartition.get("status")).isEqualTo("FAILED");
            assertThat((String) killedPartition.get("exit_message")).contains("worker process " + killedPid)
                    .contains("died");
            List<Long> pids = jdbc.queryForList("SELECT DISTINCT pid FROM fb_partition_worker", Long.class);
            assertThat(pids).as("partitions ran on both workers").containsExactlyInAnyOrderElementsOf(
                    workers.all().stream().map(Process::pid).toList());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE"
                    + " 'geneSearchChain:%' AND STATUS = 'COMPLETED'", Integer.class))
                    .as("one partition per fold job: the 20 candidates'").isEqualTo(20);
            assertThat(jdbc.queryForList("SELECT status FROM fb_campaign_candidate", String.class))
                    .hasSize(20).containsOnly("COMPLETED");
            assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT cache_key) FROM fb_tool_run WHERE tool = 'jackhmmer'",
                    Integer.class)).as("each of the target's 4 searches stored once").isEqualTo(4);
            assertThat(again.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);

            // the fold job whose partition died is restarted: that partition runs again, on the surviving worker
            long survivor = workers.all().stream().filter(p -> p.pid() != killedPid).findFirst().orElseThrow().pid();
            String sharedHash = jdbc.queryForObject("SELECT input_hash FROM fb_fold_input WHERE name = ?", String.class,
                    campaign.name() + "__chains");
            FoldJobLauncher.Outcome restarted = manager.getBean(FoldJobLauncher.class).launch(
                    manager.getBean(JdbcFoldInputStore.class).find(sharedHash).orElseThrow(),
                    new FoldJobParameters(sharedHash, FoldJobParameters.Stages.DATA_PIPELINE, dir.resolve("out"), null));
            assertThat(restarted.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            // the template search of that job never ran (its gene search failed), so it goes to the workers now too
            List<Map<String, Object>> rerun = jdbc.queryForList("SELECT s.STEP_NAME, w.pid FROM fb_partition_worker w"
                    + " JOIN BATCH_STEP_EXECUTION s ON s.STEP_EXECUTION_ID = w.step_execution_id"
                    + " WHERE s.JOB_EXECUTION_ID = ?", restarted.execution().getId());
            assertThat(rerun).extracting(r -> r.get("pid")).containsOnly(survivor);
            assertThat(rerun).extracting(r -> ((String) r.get("step_name")).split(":")[0])
                    .containsOnlyOnce("geneSearchChain");
            WorkerProcesses.deleteQueues(manager, queue);
        }
    }

    private Process worker(String dbUrl, String queue, Path hmmer, Path log, Path dataDir) throws IOException {
        return workers.start(log, List.of("--db-url", dbUrl, "--db-user", TestDatabases.POSTGRES_USER, "--data-dir",
                dataDir.toString(), "--config", "samples/foldbatch-sample.properties", "--hmmer-binary-dir",
                hmmer.toString(), "--broker", WorkerProcesses.BROKER, "--queue", queue));
    }

}
