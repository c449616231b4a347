package org.foldbatch.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foldbatch.TestProcesses.foldbatch;
import static org.foldbatch.TestProcesses.kill;
import static org.foldbatch.TestProcesses.read;
import static org.foldbatch.TestProcesses.slowSearchWrappers;
import static org.foldbatch.TestProcesses.start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
 * The issue 12 chaos test: a real {@code foldbatch run} of a protein and a ligand (gene and template search on the
 * sample databases, featurisation with a conformer, inference with the test-only random weights, the ranking) is
 * killed with SIGKILL at ten random moments spread over its stages and relaunched after each; its final files must
 * equal those of an uninterrupted run byte for byte (the time each model was written aside), with no tool run or cache row twice, no temporary file left and
 * nothing outside its output directory. The moments come from a seeded generator, printed; rerun one with
 * {@code -Dfoldbatch.chaos.seed=N}.
 */
@IntegrationTest
class ChaosFunctionalTests {

    /** Partitioned steps and their worker steps, in job order; a kill is aimed at one of them. */
    private static final List<String> STAGES = List.of("geneSearchChain", "templateSearchChain", "writeDataJson",
            "featuriseSeed", "inferSeed");
    private static final int KILLS = 10;
    private static final java.util.regex.Pattern WRITTEN_AT =
            java.util.regex.Pattern.compile("@ \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");

    @TempDir
    Path dir;

    @Test
    void tenKillsAcrossAllStagesChangeNoByteOfTheOutputs() throws Exception {
        long seed = Long.getLong("foldbatch.chaos.seed", System.nanoTime());
        System.out.println("ChaosFunctionalTests seed " + seed + " (rerun with -Dfoldbatch.chaos.seed=" + seed + ")");
        Random random = new Random(seed);
        Path model = RandomWeights.write(dir.resolve("model"), ModelConfig.small(), 5).getParent();
        Path hmmer = slowSearchWrappers(dir.resolve("hmmer"), "0.5");
        Path input = dir.resolve("chaos.json");
        Files.writeString(input, """
                {"dialect": "alphafold3", "version": 4, "name": "chaos", "modelSeeds": [1, 2],
                 "sequences": [
                   {"protein": {"id": "A", "sequence": "MGSAGSKAGSEAGSLAGSKG"}},
                   {"ligand": {"id": "B", "ccdCodes": ["SO4"]}}]}
                """);

        // the uninterrupted run, in its own database and folders; its step times scale the kill moments
        String refUrl = TestDatabases.newPostgresSchema("fbchaosref");
        Process reference = start(command(refUrl, model, hmmer, input, "ref"), dir.resolve("ref.log"));
        assertThat(reference.waitFor(4, TimeUnit.MINUTES)).as(read(dir.resolve("ref.log"))).isTrue();
        assertThat(reference.exitValue()).as(read(dir.resolve("ref.log"))).isZero();
        Map<String, Long> stageMillis = stageMillis(jdbc(refUrl));

        String url = TestDatabases.newPostgresSchema("fbchaos");
        JdbcTemplate jdbc = jdbc(url);
        List<String> command = command(url, model, hmmer, input, "run");
        List<String> killedIn = new ArrayList<>();
        for (String target : targets(random)) {
            long delay = (long) (random.nextDouble() * 0.8 * stageMillis.get(target));
            Path log = dir.resolve("kill-" + (killedIn.size() + 1) + ".log");
            long before = lastExecution(jdbc);
            Process run = start(command, log);
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !run.isAlive() || reached(jdbc, before, target));
            Thread.sleep(delay);
            assertThat(run.isAlive()).as("seed " + seed + ": the run ended before kill " + (killedIn.size() + 1)
                    + " (" + target + " + " + delay + " ms); log: " + read(log)).isTrue();
            killedIn.add(running(jdbc, before) + " (aimed at " + target + " + " + delay + " ms)");
            kill(run);
        }
        System.out.println("ChaosFunctionalTests kills: " + String.join("; ", killedIn));
        Process last = start(command, dir.resolve("last.log"));
        assertThat(last.waitFor(4, TimeUnit.MINUTES)).isTrue();
        assertThat(last.exitValue()).as("seed " + seed + ": " + read(dir.resolve("last.log"))).isZero();

        Map<String, byte[]> expected = files(dir.resolve("ref-out/chaos"));
        Map<String, byte[]> actual = files(dir.resolve("run-out/chaos"));
        assertThat(actual.keySet()).as("seed " + seed).containsExactlyElementsOf(expected.keySet());
        List<String> differing = expected.keySet().stream()
                .filter(name -> !Arrays.equals(timeless(actual.get(name)), timeless(expected.get(name)))).toList();
        if (!differing.isEmpty()) {
            keep(seed);
        }
        assertThat(differing).as("seed " + seed + ": files that differ from the uninterrupted run's (both runs "
                + "kept in target/chaos-" + seed + ")").isEmpty();
        try (Stream<Path> top = Files.list(dir.resolve("run-out"))) {
            assertThat(top.map(p -> p.getFileName().toString())).as("nothing outside the job folder")
                    .containsExactly("chaos");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) - COUNT(DISTINCT cache_key) FROM fb_tool_run", Integer.class))
                .as("a finished search run again").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fb_tool_run", Integer.class))
                .isEqualTo(jdbc(refUrl).queryForObject("SELECT COUNT(*) FROM fb_tool_run", Integer.class));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fb_sample_result", Integer.class)).isEqualTo(4);
        try (Stream<Path> scratch = Files.list(dir.resolve("run-data/scratch"))) {
            assertThat(scratch.toList()).as("the killed runs' scratch directories were removed").hasSizeLessThan(2);
        }
    }

    /** Ten stages in job order, each stage at least once: a relaunch resumes where the last kill stopped it. */
    private static List<String> targets(Random random) {
        List<String> picked = new ArrayList<>(STAGES);
        while (picked.size() < KILLS) {
            picked.add(STAGES.get(random.nextInt(STAGES.size())));
        }
        picked.sort((a, b) -> Integer.compare(STAGES.indexOf(a), STAGES.indexOf(b)));
        return picked;
    }

    /** How long each stage's first partition took in the uninterrupted run. */
    private static Map<String, Long> stageMillis(JdbcTemplate jdbc) {
        Map<String, Long> millis = new TreeMap<>();
        for (String stage : STAGES) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT START_TIME, END_TIME FROM BATCH_STEP_EXECUTION "
                    + "WHERE STEP_NAME LIKE ? ORDER BY STEP_EXECUTION_ID", stage + "%");
            assertThat(rows).as(stage).isNotEmpty();
            millis.put(stage, Math.max(50, ((java.sql.Timestamp) rows.get(0).get("end_time")).getTime()
                    - ((java.sql.Timestamp) rows.get(0).get("start_time")).getTime()));
        }
        return millis;
    }

    /**
     * The launch's execution (newer than {@code before}) runs the target stage or a later one: a relaunch resumes
     * past the stages it finished before.
     */
    private static boolean reached(JdbcTemplate jdbc, long before, String target) {
        String now = running(jdbc, before);
        return now != null && STAGES.indexOf(stageOf(now)) >= STAGES.indexOf(target);
    }

    /** The running worker step of an execution newer than {@code before}, or null. */
    private static String running(JdbcTemplate jdbc, long before) {
        try {
            return jdbc.queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STATUS = 'STARTED' "
                    + "AND JOB_EXECUTION_ID > ? ORDER BY STEP_EXECUTION_ID DESC", String.class, before).stream()
                    .filter(s -> STAGES.contains(stageOf(s))).findFirst().orElse(null);
        } catch (RuntimeException notMigratedYet) {
            return null;
        }
    }

    private static long lastExecution(JdbcTemplate jdbc) {
        try {
            Long id = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
            return id == null ? 0 : id;
        } catch (RuntimeException notMigratedYet) {
            return 0;
        }
    }

    private static String stageOf(String stepName) {
        return stepName.contains(":") ? stepName.substring(0, stepName.indexOf(':')) : stepName;
    }

    /**
     * The bytes with the time a model was written masked: AlphaFold 3 writes it into each mmCIF's
     * {@code _ma_model_list.model_group_name} ("... @ 2026-12-04T22:56:19.388"), and the report page shows that file.
     */
    private static byte[] timeless(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        return WRITTEN_AT.matcher(text).replaceAll("@ <time>").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Keeps both runs' folders and logs for a look at what differs; the temporary directory goes. */
    private void keep(long seed) throws IOException {
        Path kept = Path.of("target", "chaos-" + seed);
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> !p.startsWith(dir.resolve("model"))).toList()) {
                Path copy = kept.resolve(dir.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(p, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Every file under a job folder by its relative path. */
    private static Map<String, byte[]> files(Path jobDir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(jobDir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(jobDir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private List<String> command(String dbUrl, Path model, Path hmmer, Path input, String name) {
        return foldbatch(List.of("run", input.toString(), "--config", "samples/foldbatch-sample.properties",
                "--db-url", dbUrl, "--db-user", TestDatabases.POSTGRES_USER,
                "--data-dir", dir.resolve(name + "-data").toString(),
                "--hmmer-binary-dir", hmmer.toString(), "--output-dir", dir.resolve(name + "-out").toString(),
                "--model-dir", model.toString(), "--num-diffusion-samples", "2", "--diffusion-steps", "4",
                "--num-recycles", "1"));
    }

    private static JdbcTemplate jdbc(String url) {
        return new JdbcTemplate(new DriverManagerDataSource(url, TestDatabases.POSTGRES_USER, ""));
    }

}
