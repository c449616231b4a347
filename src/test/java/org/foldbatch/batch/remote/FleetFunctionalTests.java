package org.foldbatch.batch.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foldbatch.TestProcesses.read;
import static org.foldbatch.TestProcesses.requireRabbitMq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.foldbatch.batch.FoldJobLauncher;
import org.foldbatch.batch.FoldJobParameters;
import org.foldbatch.batch.FoldbatchTestContext;
import org.foldbatch.batch.jdbc.JdbcFoldInputStore.StoredInput;
import org.foldbatch.batch.jdbc.JdbcProgress;
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
 * A fleet as AlphaFold 3's performance guide runs it, in real processes over RabbitMQ and PostgreSQL: CPU workers
 * ({@code --stages search,featurise}) take every gene and template search and every featurisation, an inference
 * worker ({@code --stages inference}) every seed, and the files are the bytes one process writes alone. An input
 * whose token bucket is over every live inference worker's {@code --max-tokens} fails with its bucket and the largest
 * limit (or, with {@code wait-for-capacity}, is held back saying so), and completes on a larger worker started
 * afterwards.
 */
@IntegrationTest
class FleetFunctionalTests {

    /** Small buckets keep the random model's inference short; every machine must use the same. */
    private static final String BUCKETS = "32,64";

    @TempDir
    Path dir;

    @RegisterExtension
    final WorkerProcesses workers = new WorkerProcesses();

    @Test
    void cpuWorkersSearchAndFeaturiseTheGpuWorkerInfersAndTheFilesAreASingleProcesssBytes() throws Exception {
        requireRabbitMq();
        Path model = RandomWeights.write(dir.resolve("model"), ModelConfig.small(), 7).getParent();
        List<FoldInput> inputs = List.of(
                input("pep_a", "[3]", "{\"protein\": {\"id\": \"A\", \"sequence\": \"MKVLAGSEFEKLRQTGDELV\"}}"),
                input("pep_b", "[4]", "{\"protein\": {\"id\": \"A\", \"sequence\": "
                        + "\"SEFEKLRQTGDELVQAFQRLREIFDKGDDDSLEQ\"}}"),
                input("pep_c", "[5, 6]", "{\"protein\": {\"id\": \"A\", \"sequence\": \"GSHMKTAYIAKQRQISFVKSHFSRQ\"}},"
                        + " {\"protein\": {\"id\": \"B\", \"sequence\": \"MQIFVKTLTGKTITLEV\"}}"));
        String queue = "foldbatch.test." + UUID.randomUUID();
        Map<String, Object> properties = launcher(queue, model);
        Map<String, Path> fleetJobs = new TreeMap<>();
        try (ConfigurableApplicationContext launcher = FoldbatchTestContext.start(properties)) {
            JdbcTemplate jdbc = launcher.getBean(JdbcTemplate.class);
            String url = String.valueOf(properties.get("spring.datasource.url"));
            Process cpu0 = worker(url, queue, model, "cpu0", "--stages", "search,featurise");
            Process cpu1 = worker(url, queue, model, "cpu1", "--stages", "search,featurise");
            Process gpu = worker(url, queue, model, "gpu", "--stages", "inference", "--max-tokens", "64");
            awaitTaking("cpu0", "cpu1", "gpu");

            for (FoldInput input : inputs) {
                FoldJobLauncher.Outcome run = launcher.getBean(FoldJobLauncher.class).launch(stored(input),
                        new FoldJobParameters(input.contentHash(), FoldJobParameters.Stages.FULL, dir.resolve("fleet"),
                                null));
                assertThat(run.execution().getStatus()).as(logs("cpu0", "cpu1", "gpu"))
                        .isEqualTo(BatchStatus.COMPLETED);
                fleetJobs.put(input.name(), run.jobDir());
            }

            List<Long> cpus = List.of(cpu0.pid(), cpu1.pid());
            for (String step : List.of("geneSearchChain", "templateSearchChain", "featuriseSeed")) {
                List<Map<String, Object>> partitions = partitions(jdbc, step);
                assertThat(partitions).as(step).hasSizeGreaterThanOrEqualTo(3).allSatisfy(p -> {
                    assertThat(p.get("status")).isEqualTo("COMPLETED");
                    assertThat((Long) p.get("pid")).as(step + " ran on a CPU worker").isIn(cpus);
                });
            }
            List<Map<String, Object>> seeds = partitions(jdbc, "inferSeed");
            assertThat(seeds).as("one partition per seed").hasSize(4).allSatisfy(p -> {
                assertThat(p.get("status")).isEqualTo("COMPLETED");
                assertThat((Long) p.get("pid")).as("inferred on the inference worker").isEqualTo(gpu.pid());
            });
            assertThat(jdbc.queryForList("SELECT stages, max_tokens FROM fb_worker ORDER BY stages, pid"))
                    .extracting(r -> r.get("stages") + " " + r.get("max_tokens"))
                    .containsExactly("inference 64", "search,featurise 0", "search,featurise 0");
            WorkerProcesses.deleteQueues(launcher, queue, 64);
        }

        Map<String, Object> single = FoldbatchTestContext.inference(dir.resolve("single-data"), model, 1, 2, 0);
        single.put("foldbatch.featurisation.buckets", BUCKETS);
        try (ConfigurableApplicationContext alone = FoldbatchTestContext.start(single)) {
            for (FoldInput input : inputs) {
                FoldJobLauncher.Outcome run = alone.getBean(FoldJobLauncher.class).launch(stored(input),
                        new FoldJobParameters(input.contentHash(), FoldJobParameters.Stages.FULL, dir.resolve("single"),
                                null));
                assertThat(run.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
                Map<String, byte[]> fleet = outputs(fleetJobs.get(input.name()));
                Map<String, byte[]> own = outputs(run.jobDir());
                assertThat(fleet.keySet()).as(input.name()).isEqualTo(own.keySet())
                        .anyMatch(f -> f.endsWith("_data.json")).anyMatch(f -> f.endsWith("_features.bin"))
                        .anyMatch(f -> f.endsWith("_model.cif"));
                for (String file : own.keySet()) {
                    if (file.endsWith("_model.cif")) {
                        assertThat(undated(fleet.get(file))).as(input.name() + ": " + file)
                                .isEqualTo(undated(own.get(file)));
                    } else {
                        assertThat(fleet.get(file)).as(input.name() + ": " + file).isEqualTo(own.get(file));
                    }
                }
            }
        }
    }

    @Test
    void aSeedOverEveryInferenceWorkersLimitFailsOrWaitsSayingSoAndALargerWorkerCompletesIt() throws Exception {
        requireRabbitMq();
        Path model = RandomWeights.write(dir.resolve("model"), ModelConfig.small(), 7).getParent();
        // 40 residues: bucket 64, over the first worker's 32
        FoldInput input = input("forty", "[8]", "{\"protein\": {\"id\": \"A\", \"sequence\": "
                + "\"SEFEKLRQTGDELVQAFQRLREIFDKGDDDSLEQAKLRQT\", \"unpairedMsa\": \"\", \"pairedMsa\": \"\","
                + " \"templates\": []}}");
        String queue = "foldbatch.test." + UUID.randomUUID();
        Map<String, Object> properties = launcher(queue, model);
        try (ConfigurableApplicationContext launcher = FoldbatchTestContext.start(properties)) {
            JdbcTemplate jdbc = launcher.getBean(JdbcTemplate.class);
            String url = String.valueOf(properties.get("spring.datasource.url"));
            worker(url, queue, model, "small", "--stages", "featurise,inference", "--max-tokens", "32");
            awaitTaking("small");
            FoldJobParameters parameters = new FoldJobParameters(input.contentHash(),
                    FoldJobParameters.Stages.INFERENCE_FROM_DATA, dir.resolve("out"), null);

            FoldJobLauncher.Outcome refused = launcher.getBean(FoldJobLauncher.class).launch(stored(input), parameters);

            assertThat(refused.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
            String expected = "token bucket 64 is larger than every live inference worker (largest --max-tokens 32)";
            assertThat(jdbc.queryForObject("SELECT EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE"
                    + " 'inferSeed:%'", String.class)).as(logs("small")).contains(expected)
                    .contains("--max-tokens 64 or more");
            assertThat(jdbc.queryForList("SELECT reason FROM fb_report_failures", String.class))
                    .as("the report's failures name the bucket and the limit").anyMatch(r -> r.contains(expected));
            assertThat(partitions(jdbc, "featuriseSeed")).singleElement()
                    .satisfies(p -> assertThat(p.get("status")).isEqualTo("COMPLETED"));

            // a launcher that waits for capacity holds the seed back, and says why, until a large worker is live
            Map<String, Object> patient = new LinkedHashMap<>(properties);
            patient.put("foldbatch.data-dir", dir.resolve("patient").toString());
            patient.put("foldbatch.remote.wait-for-capacity", "true");
            FoldInput other = input("forty_too", "[9]", "{\"protein\": {\"id\": \"A\", \"sequence\": "
                    + "\"QTGDELVQAFQRLREIFDKGDDDSLEQAKLRQTSEFEKLR\", \"unpairedMsa\": \"\", \"pairedMsa\": \"\","
                    + " \"templates\": []}}");
            try (ConfigurableApplicationContext waiting = FoldbatchTestContext.start(patient)) {
                CompletableFuture<FoldJobLauncher.Outcome> held = CompletableFuture.supplyAsync(() -> waiting
                        .getBean(FoldJobLauncher.class).launch(stored(other), new FoldJobParameters(
                                other.contentHash(), FoldJobParameters.Stages.INFERENCE_FROM_DATA, dir.resolve("out"),
                                null)));
                JdbcProgress progress = launcher.getBean(JdbcProgress.class);
                Awaitility.await().atMost(Duration.ofMinutes(3)).until(() -> !progress.waiting(null).isEmpty());
                assertThat(progress.waiting(null)).as("what status prints").singleElement().satisfies(w -> {
                    assertThat(w.stepName()).isEqualTo("inferSeed:seed-9");
                    assertThat(w.reason()).isEqualTo("waiting: " + expected + " (foldbatch.remote.wait-for-capacity)");
                });
                assertThat(held).isNotDone();

                Process large = worker(url, queue, model, "large", "--stages", "inference", "--profile", "v100-16g");
                awaitTaking("large");
                assertThat(read(dir.resolve("large.log"))).contains("max tokens 1280");
                assertThat(held.get(5, TimeUnit.MINUTES).execution().getStatus()).as(logs("small", "large"))
                        .isEqualTo(BatchStatus.COMPLETED);
                assertThat(progress.waiting(null)).isEmpty();
                FoldJobLauncher.Outcome restarted = launcher.getBean(FoldJobLauncher.class).launch(stored(input),
                        parameters);

                assertThat(restarted.execution().getStatus()).as(logs("small", "large"))
                        .isEqualTo(BatchStatus.COMPLETED);
                assertThat(jdbc.queryForList("SELECT w.pid FROM fb_partition_worker w JOIN BATCH_STEP_EXECUTION s"
                        + " ON s.STEP_EXECUTION_ID = w.step_execution_id WHERE s.STEP_NAME LIKE 'inferSeed:%'",
                        Long.class)).as("both seeds inferred on the large worker").containsExactly(large.pid(),
                        large.pid());
                assertThat(restarted.jobDir().resolve("forty_model.cif")).isRegularFile();
            }
            WorkerProcesses.deleteQueues(launcher, queue, 32, 1280);
        }
    }

    private Map<String, Object> launcher(String queue, Path model) {
        Map<String, Object> p = WorkerProcesses.launcher(dir.resolve("launcher"), queue, "10m");
        p.put("foldbatch.featurisation.buckets", BUCKETS);
        p.put("foldbatch.inference.model-dir", model.toString());
        p.put("foldbatch.inference.num-samples", "1");
        p.put("foldbatch.inference.diffusion-steps", "2");
        p.put("foldbatch.inference.num-recycles", "0");
        return p;
    }

    /** A worker as a machine of the fleet runs it: the launcher's config file and settings, its own stages. */
    private Process worker(String dbUrl, String queue, Path model, String name, String... own) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--db-url", dbUrl, "--db-user", TestDatabases.POSTGRES_USER,
                "--data-dir", dir.resolve(name).toString(), "--config", "samples/foldbatch-sample.properties",
                "--broker", WorkerProcesses.BROKER, "--queue", queue, "--buckets", BUCKETS, "--model-dir",
                model.toString(), "--num-diffusion-samples", "1", "--diffusion-steps", "2", "--num-recycles", "0"));
        arguments.addAll(List.of(own));
        return workers.start(dir.resolve(name + ".log"), arguments);
    }

    private void awaitTaking(String... names) {
        for (String name : names) {
            Awaitility.await().atMost(Duration.ofMinutes(3))
                    .until(() -> read(dir.resolve(name + ".log")).contains("taking partitions"));
        }
    }

    private String logs(String... names) {
        StringBuilder all = new StringBuilder();
        for (String name : names) {
            all.append("--- ").append(name).append('\n').append(read(dir.resolve(name + ".log")));
        }
        return all.toString();
    }

    private static List<Map<String, Object>> partitions(JdbcTemplate jdbc, String step) {
        return jdbc.queryForList("SELECT s.STEP_NAME, s.STATUS, w.pid FROM BATCH_STEP_EXECUTION s"
                + " LEFT JOIN fb_partition_worker w ON w.step_execution_id = s.STEP_EXECUTION_ID"
                + " WHERE s.STEP_NAME LIKE ?", step + ":%");
    }

    private FoldInput input(String name, String seeds, String sequences) throws IOException {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, "{\"dialect\": \"alphafold3\", \"version\": 4, \"name\": \"" + name
                + "\", \"modelSeeds\": " + seeds + ", \"sequences\": [" + sequences + "]}");
        return new FoldInputLoader().load(file).get(0);
    }

    private StoredInput stored(FoldInput input) {
        return new StoredInput(input.contentHash(), input.sanitisedName(), dir.resolve(input.name() + ".json")
                .toString(), FoldInputWriter.toJson(input));
    }

    /**
     * A model mmCIF without the time it was written, which it names as AlphaFold 3's does
     * ({@code _ma_model_list.model_group_name "Foldbatch (<version> @ <time>)"}); every other byte must be equal.
     */
    private static String undated(byte[] cif) {
        String text = new String(cif, java.nio.charset.StandardCharsets.UTF_8);
        String masked = text.replaceAll("(Foldbatch \\([^@\n]* @ )[0-9T:.\\-]+\\)", "$1<time>)");
        assertThat(masked).as("the one timestamp is found and masked").isNotEqualTo(text);
        return masked;
    }

    /** The files the data pipeline, featurisation and inference write, by path inside the job directory. */
    private static Map<String, byte[]> outputs(Path job) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(job)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                String name = job.relativize(f).toString();
                if (name.endsWith("_data.json") || name.endsWith("_features.bin") || name.endsWith("_model.cif")
                        || name.endsWith("confidences.json") || name.endsWith("_ranking_scores.csv")) {
                    files.put(name, Files.readAllBytes(f));
                }
            }
        }
        return files;
    }
}
