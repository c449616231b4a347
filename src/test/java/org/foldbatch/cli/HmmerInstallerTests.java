package org.foldbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmmerInstallerTests {

    @TempDir
    Path dir;

    @Test
    void versionsFromThreePointThreeOnAreRecentEnough() {
        assertThat(HmmerInstaller.atLeast33("HMMER 3.3")).isTrue();
        assertThat(HmmerInstaller.atLeast33("HMMER 3.3.2")).isTrue();
        assertThat(HmmerInstaller.atLeast33("HMMER 3.4")).isTrue();
        assertThat(HmmerInstaller.atLeast33("HMMER 4.0a")).isTrue();
        assertThat(HmmerInstaller.atLeast33("HMMER 3.2.1")).isFalse();
        assertThat(HmmerInstaller.atLeast33("HMMER 3.1b2")).isFalse();
        assertThat(HmmerInstaller.atLeast33("nonsense")).isFalse();
    }

    @Test
    void anInstalledCopyIsFoundInTheDataDirectory() throws IOException {
        assertThat(HmmerInstaller.installed(dir)).isEmpty();
        Path bin = Files.createDirectories(HmmerInstaller.home(dir).resolve("usr/bin"));
        for (String tool : List.of("jackhmmer", "nhmmer", "hmmbuild", "hmmalign", "hmmsearch")) {
            Files.writeString(bin.resolve(tool), "#!/bin/sh\n");
            bin.resolve(tool).toFile().setExecutable(true);
        }
        assertThat(HmmerInstaller.installed(dir)).contains(bin);
    }

    /**
     * The README's first command on a machine whose PATH has a JDK, python3 and Debian's package tools but no HMMER:
     * Foldbatch installs HMMER into its data directory, says so, and the sample folds to the end.
     */
    @Test
    @Tag("integration")
    void readmeCommandOnAMachineWithoutHmmer() throws Exception {
        Path tools = Files.createDirectories(dir.resolve("path"));
        for (String tool : List.of("python3", "apt-get", "dpkg-deb", "tar")) {
            Path found = which(tool);
            Assumptions.assumeTrue(found != null, tool + " is not installed here");
            Files.createSymbolicLink(tools.resolve(tool), found);
        }
        String path = tools + ":" + Path.of(System.getProperty("java.home"), "bin");
        Path model = dir.resolve("random-model");
        assertThat(foldbatch(path, "random-weights", model.toString()).exit()).isZero();
        Result run = foldbatch(path, "run", "samples/inputs/5tgy.json", "--config",
                "samples/foldbatch-sample.properties", "--model-dir", model.toString(), "--output-dir",
                dir.resolve("output").toString());
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("foldbatch: installed HMMER 3.").contains("5tgy: completed");
        assertThat(dir.resolve("data/tools/hmmer/usr/bin/jackhmmer")).isExecutable();
        assertThat(dir.resolve("output/5tgy/5tgy_model.cif")).exists();
    }

    /** With no HMMER and no way to install it, one line says what to install. */
    @Test
    @Tag("integration")
    void noRouteSaysWhatToInstallInOneLine() throws Exception {
        Result run = foldbatch(Path.of(System.getProperty("java.home"), "bin").toString(), "run",
                "samples/inputs/5tgy.json", "--config", "samples/foldbatch-sample.properties", "--data-pipeline-only",
                "--output-dir", dir.resolve("output").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output().lines().filter(l -> l.startsWith("error: "))).singleElement().asString()
                .contains("HMMER not found").contains("apt-get install hmmer");
    }

    record Result(int exit, String output) {
    }

    private Result foldbatch(String path, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "foldbatch-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", path);
        env.put("HOME", dir.toString());
        env.put("FOLDBATCH_DATA_DIR", dir.resolve("data").toString());
        env.put("TF_CPP_MIN_LOG_LEVEL", "2");
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("foldbatch " + String.join(" ", args) + " did not finish: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Path which(String tool) {
        return Stream.of(System.getenv("PATH").split(":")).map(d -> Path.of(d, tool)).filter(Files::isExecutable)
                .findFirst().map(p -> p.toAbsolutePath()).orElse(null);
    }
}
