package org.foldbatch.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.foldbatch.TestProcesses;
import org.foldbatch.model.ModelConfig;
import org.foldbatch.model.RandomWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long inference (2,000 diffusion steps of the small random model) in a child process logs progress lines on
 * stderr with rising step counts, and {@code foldbatch status} in a third process reads the same progress from
 * PostgreSQL while it runs.
 */
@IntegrationTest
class InferenceProgressFunctionalTests {

    private static final Pattern STEP = Pattern.compile("diffusion step (\\d+) of 2000,");

    @TempDir
    Path dir;

    @Test
    void progressLinesRiseAndStatusFromAnotherProcessShowsTheStep() throws Exception {
        String url = TestDatabases.newPostgresSchema("fbprog_");
        Path model = RandomWeights.write(dir.resolve("model"), ModelConfig.small(), 7).getParent();
        Path input = dir.resolve("peptide.json");
        Files.writeString(input, """
                {"dialect": "alphafold3", "version": 4, "name": "peptide", "modelSeeds": [11],
                 "sequences": [{"protein": {"id": "A", "sequence": "SEFEKLRQTGDELVQAFQ",
                   "unpairedMsa": "", "pairedMsa": "", "templates": []}}]}
                """);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> database = List.of("--db-url", url, "--db-user", TestDatabases.POSTGRES_USER, "--data-dir",
                dir.resolve("data").toString());
        List<String> run = new ArrayList<>(List.of(java, "-Dfoldbatch.progress.log-interval=2s", "-cp",
                System.getProperty("java.class.path"), "org.foldbatch.cli.Main", "run", input.toString(),
                "--no-data-pipeline", "--config", "samples/foldbatch-sample.properties", "--output-dir",
                dir.resolve("out").toString(), "--model-dir", model.toString(), "--num-diffusion-samples", "1",
                "--diffusion-steps", "2000", "--num-recycles", "1"));
        run.addAll(database);
        Path err = dir.resolve("run.err");
        Process fold = new ProcessBuilder(run).redirectError(err.toFile())
                .redirectOutput(dir.resolve("run.out").toFile()).start();
        try {
            Awaitility.await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !fold.isAlive() || steps(TestProcesses.read(err)).size() >= 2);
            assertThat(fold.isAlive()).as(TestProcesses.read(err)).isTrue();
            assertThat(TestProcesses.read(err)).contains("recycle 2 of 2");
            int loggedBefore = last(steps(TestProcesses.read(err)));

            List<String> status = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "org.foldbatch.cli.Main", "status"));
            status.addAll(database);
            Process other = new ProcessBuilder(status).redirectError(dir.resolve("status.err").toFile())
                    .redirectOutput(dir.resolve("status.out").toFile()).start();
            assertThat(other.waitFor(3, TimeUnit.MINUTES)).isTrue();
            String shown = TestProcesses.read(dir.resolve("status.out"));
            assertThat(other.exitValue()).as(TestProcesses.read(dir.resolve("status.err"))).isZero();
            assertThat(shown).contains("inferSeed:seed-11", "peptide seed 11: diffusion step ");
            List<Integer> seen = steps(shown);
            assertThat(seen).hasSize(1);
            // Stored every second, logged every 2 s: status shows at least the step logged before it started.
            assertThat(seen.get(0)).isGreaterThanOrEqualTo(loggedBefore).isLessThan(2000);

            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !fold.isAlive() || steps(TestProcesses.read(err)).size() >= 4);
            List<Integer> logged = steps(TestProcesses.read(err));
            assertThat(logged).hasSizeGreaterThanOrEqualTo(4);
            for (int i = 1; i < logged.size(); i++) {
                assertThat(logged.get(i)).as("line %d of %s", i, logged).isGreaterThan(logged.get(i - 1));
            }
            // Results go to stdout, progress to stderr.
            assertThat(TestProcesses.read(dir.resolve("run.out"))).doesNotContain("diffusion step");
        } finally {
            fold.descendants().forEach(ProcessHandle::destroyForcibly);
            fold.destroyForcibly();
            fold.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static List<Integer> steps(String text) {
        List<Integer> out = new ArrayList<>();
        Matcher m = STEP.matcher(text);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    private static int last(List<Integer> values) {
        return values.isEmpty() ? 0 : values.get(values.size() - 1);
    }
}
