package org.foldbatch.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foldbatch.TestProcesses.read;
import static org.foldbatch.TestProcesses.slowHmmerWrappers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.foldbatch.IntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 5: the embedded database's disk fills up mid-run. The data directory (H2's files) is a small tmpfs
 * (mounting one needs root: the test is skipped otherwise), filled while the gene search runs. The command must not
 * say "completed" with rc 0; once space is back, the same command completes the job.
 */
@IntegrationTest
class FullDiskFunctionalTests {

    @TempDir
    Path dir;

    @Test
    void aFullDiskUnderTheEmbeddedDatabaseFailsTheCommand() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", data.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "mounting a tmpfs needs root");
        try {
            Path hmmer = slowHmmerWrappers(dir.resolve("hmmer"), "2");
            Path input = dir.resolve("full.json");
            Files.writeString(input, """
                    {"dialect": "alphafold3", "version": 4, "name": "full", "modelSeeds": [1],
                     "sequences": [{"protein": {"id": "A", "sequence": "%s"}}]}
                    """.formatted(FoldJobFunctionalTests.RESPONSE_REGULATOR));
            List<String> command = command(data, hmmer, input);
            Process first = start(command, dir.resolve("first.log"));
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() ->
                    !first.isAlive() || read(dir.resolve("first.log")).contains("[geneSearchChain:"));
            assertThat(first.isAlive()).as(read(dir.resolve("first.log"))).isTrue();

            Path filler = data.resolve("filler");
            fill(filler);
            assertThat(first.waitFor(3, TimeUnit.MINUTES)).isTrue();
            String log = read(dir.resolve("first.log"));
            System.out.println("disk full, the run ended: " + log.lines().reduce((a, b) -> b).orElse(""));

            assertThat(first.exitValue()).as(log).isNotZero();
            assertThat(log).as(log).doesNotContain("full: completed");

            Files.delete(filler);
            Process second = start(command, dir.resolve("second.log"));
            assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(second.exitValue()).as(read(dir.resolve("second.log"))).isZero();
            assertThat(dir.resolve("out/full/full_data.json")).exists();
        } finally {
            new ProcessBuilder("umount", "-l", data.toString()).start().waitFor();
        }
    }

    /** Writes until the file system is full. */
    private static void fill(Path filler) {
        byte[] block = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // no space left on device
        }
    }

    private List<String> command(Path data, Path hmmerDir, Path input) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-cp", System.getProperty("java.class.path"), "org.foldbatch.cli.Main", "run",
                input.toString(), "--config", "samples/foldbatch-sample.properties", "--data-dir", data.toString(),
                "--hmmer-binary-dir", hmmerDir.toString(), "--output-dir", dir.resolve("out").toString(),
                "--data-pipeline-only", "--max-parallel-searches", "1");
    }

    private static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
