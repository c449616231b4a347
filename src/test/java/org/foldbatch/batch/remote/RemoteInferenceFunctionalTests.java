package org.foldbatch.batch.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foldbatch.TestProcesses.read;
import static org.foldbatch.TestProcesses.requireRabbitMq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.foldbatch.batch.FoldbatchTestContext;
import org.foldbatch.batch.FoldJobLauncher;
import org.foldbatch.batch.FoldJobParameters;
import org.foldbatch.batch.jdbc.JdbcFoldInputStore.StoredInput;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.input.FoldInputWriter;
import org.foldbatch.model.ModelConfig;
import org.foldbatch.model.RandomWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A three-seed fold from a complete input (no data pipeline) with the test-only random weights, launched with
 * {@code foldbatch.remote.enabled=true}: two {@code foldbatch worker} processes featurise and infer the seeds into the
 * job's output directory, each loading the model once, and the launcher (which has no model directory at all) only
 * ranks the samples.
 */
@IntegrationTest
class RemoteInferenceFunctionalTests {

    private static final List<Long> SEEDS = List.of(11L, 22L, 33L);

    @TempDir
    Path dir;

    @RegisterExtension
    final WorkerProcesses workers = new WorkerProcesses();

    @Test
    void twoWorkersFeaturiseAndInferTheSeedsAndTheLauncherRanksThem() throws Exception {
        requireRabbitMq();
        String queue = "foldbatch.test." + UUID.randomUUID();
        Map<String, Object> properties = WorkerProcesses.launcher(dir.resolve("launcher"), queue, "5m");
        Path model = RandomWeights.write(dir.resolve("model"), ModelConfig.small(), 7).getParent();
        Path inputFile = dir.resolve("peptide.json");
        Files.writeString(inputFile, """
                {"dialect": "alphafold3", "version": 4, "name": "peptide", "modelSeeds": [11, 22, 33],
                 "sequences": [{"protein": {"id": "A", "sequence": "SEFEKLRQTGDELVQAFQRLREIFDKGDDDSLEQ",
                   "unpairedMsa": "", "pairedMsa": "", "templates": []}}]}
                """);
        FoldInput input = new FoldInputLoader().load(inputFile).get(0);
        Path out = dir.resolve("out");

        try (ConfigurableApplicationContext launcher = FoldbatchTestContext.start(properties)) {
            JdbcTemplate jdbc = launcher.getBean(JdbcTemplate.class);
            String url = String.valueOf(properties.get("spring.datasource.url"));
            for (int i = 0; i < 2; i++) {
                worker(url, queue, model, dir.resolve("worker" + i + ".log"), dir.resolve("w" + i));
            }
            for (int i = 0; i < 2; i++) {
                Path log = dir.resolve("worker" + i + ".log");
                Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> read(log).contains("taking partitions"));
            }

            FoldJobLauncher.Outcome run = launcher.getBean(FoldJobLauncher.class).launch(
                    new StoredInput(input.contentHash(), input.sanitisedName(), inputFile.toString(),
                            FoldInputWriter.toJson(input)),
                    new FoldJobParameters(input.contentHash(), FoldJobParameters.Stages.INFERENCE_FROM_DATA, out,
                            null));

            assertThat(run.execution().getStatus()).as(read(dir.resolve("worker0.log")) + "\n"
                    + read(dir.resolve("worker1.log"))).isEqualTo(BatchStatus.COMPLETED);
            List<Long> workerPids = workers.all().stream().map(Process::pid).toList();
            for (String step : List.of("featuriseSeed", "inferSeed")) {
                List<Map<String, Object>> partitions = jdbc.queryForList("SELECT s.STEP_NAME, s.STATUS, w.pid"
                        + " FROM BATCH_STEP_EXECUTION s LEFT JOIN fb_partition_worker w"
                        + " ON w.step_execution_id = s.STEP_EXECUTION_ID WHERE s.STEP_NAME LIKE ?", step + ":%");
                assertThat(partitions).as(step).hasSize(SEEDS.size());
                assertThat(partitions).as(step).allSatisfy(p -> {
                    assertThat(p.get("status")).isEqualTo("COMPLETED");
                    assertThat((Long) p.get("pid")).as("ran in a worker, not the launcher").isIn(workerPids)
                            .isNotEqualTo(ProcessHandle.current().pid());
                });
                assertThat(partitions.stream().map(p -> (Long) p.get("pid")).distinct())
                        .as(step + " partitions spread over both workers").hasSize(2);
            }
            assertThat(jdbc.queryForList("SELECT seed FROM fb_sample_result ORDER BY seed", Long.class))
                    .isEqualTo(SEEDS);
            int seedsRun = 0;
            for (int i = 0; i < 2; i++) {
                List<String> lines = read(dir.resolve("worker" + i + ".log")).lines().toList();
                assertThat(lines.stream().filter(l -> l.contains("FoldModel") && l.contains(RandomWeights.WARNING)))
                        .as("worker %d loads the model once, whatever number of seeds it infers", i).hasSize(1);
                seedsRun += (int) lines.stream().filter(l -> l.contains("network ran")).count();
            }
            assertThat(seedsRun).as("one worker inferred two seeds with its one model").isEqualTo(SEEDS.size());
            WorkerProcesses.deleteQueues(launcher, queue);
        }

        Path job = out.resolve("peptide");
        for (long seed : SEEDS) {
            assertThat(job.resolve("seed-" + seed + "_features/peptide_seed-" + seed + "_features.bin")).isRegularFile();
            String prefix = "seed-" + seed + "_sample-0";
            for (String suffix : List.of("_model.cif", "_confidences.json", "_summary_confidences.json")) {
                assertThat(job.resolve(prefix).resolve("peptide_" + prefix + suffix)).isRegularFile();
            }
        }
        for (String top : List.of("_model.cif", "_confidences.json", "_summary_confidences.json")) {
            assertThat(job.resolve("peptide" + top)).isRegularFile();
        }
        assertThat(Files.readAllLines(job.resolve("peptide_ranking_scores.csv")))
                .hasSize(SEEDS.size() + 1).first().isEqualTo("seed,sample,ranking_score");
    }

    /** A worker as a separate machine would run it: the same config file and inference flags as the launcher's. */
    private Process worker(String dbUrl, String queue, Path model, Path log, Path dataDir) throws IOException {
        return workers.start(log, List.of("--db-url", dbUrl, "--db-user", TestDatabases.POSTGRES_USER, "--data-dir",
                dataDir.toString(), "--config", "samples/foldbatch-sample.properties", "--broker",
                WorkerProcesses.BROKER, "--queue", queue, "--model-dir", model.toString(), "--num-diffusion-samples",
                "1", "--diffusion-steps", "2", "--num-recycles", "0"));
    }

}
