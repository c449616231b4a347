package org.foldbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball {@code mvn package} writes, unpacked in a temporary directory: its launcher reports the build's
 * version and runs the sample's data pipeline from there. Needs the package phase to have run (integration tier).
 */
@Tag("integration")
class DistributionTests {

    @TempDir
    Path dir;

    @Test
    void unpackedTarballRunsTheSample() throws Exception {
        Path tarball = Path.of("target", "foldbatch-" + BuildInfo.version() + ".tar.gz").toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(tarball), tarball + " is built by mvn package");
        assertThat(exec(dir, "tar", "-xzf", tarball.toString()).exit()).isZero();
        Path home = dir.resolve("foldbatch-" + BuildInfo.version());
        assertThat(home.resolve("bin/foldbatch")).isExecutable();
        assertThat(home.resolve("lib/foldbatch.jar")).isRegularFile();
        assertThat(home.resolve("bin/foldbatch_completion")).content().contains("complete -F");
        assertThat(home.resolve("README.md")).isRegularFile();
        assertThat(home.resolve("jobs")).isDirectory();
        assertThat(home.resolve("db/reports")).isDirectory();

        Result version = exec(home, "bin/foldbatch", "run", "--version");
        assertThat(version.exit()).isZero();
        assertThat(version.output()).startsWith("foldbatch " + BuildInfo.version() + " ");

        Result run = exec(home, "bin/foldbatch", "run", "samples/inputs/5tgy.json", "--config",
                "samples/foldbatch-sample.properties", "--run_inference=false", "--data-dir",
                dir.resolve("data").toString());
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(home.resolve("output/5tgy/5tgy_data.json")).isRegularFile();
    }

    record Result(int exit, String output) {
    }

    private Result exec(Path workDir, String... command) throws Exception {
        Path log = Files.createTempFile(dir, "exec-", ".log");
        Process p = new ProcessBuilder(List.of(command)).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
