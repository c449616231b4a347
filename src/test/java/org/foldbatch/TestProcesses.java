package org.foldbatch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/** What the tests that run real processes share: slowed HMMER, log reading, the RabbitMQ check. */
public final class TestProcesses {

    private static final List<String> HMMER = List.of("jackhmmer", "nhmmer", "hmmbuild", "hmmalign", "hmmsearch");

    private TestProcesses() {
    }

    /** HMMER binaries that wait before running the real ones: a real process, only slower, so a kill lands mid-search. */
    public static Path slowHmmerWrappers(Path dir, String seconds) throws IOException {
        Files.createDirectories(dir);
        for (String tool : HMMER) {
            Path wrapper = dir.resolve(tool);
            Files.writeString(wrapper, "#!/bin/sh\nsleep " + seconds + "\nexec " + which(tool) + " \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }

    /** As {@link #slowHmmerWrappers}, but {@code -h} (the version probe at start) answers at once: only work waits. */
    public static Path slowSearchWrappers(Path dir, String seconds) throws IOException {
        Files.createDirectories(dir);
        for (String tool : HMMER) {
            Path wrapper = dir.resolve(tool);
            Files.writeString(wrapper, "#!/bin/sh\n[ \"$1\" = -h ] || sleep " + seconds + "\nexec " + which(tool)
                    + " \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }

    /** {@code foldbatch ARGS} in a child JVM on this test's classpath. */
    public static List<String> foldbatch(List<String> args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                "org.foldbatch.cli.Main"));
        command.addAll(args);
        return command;
    }

    /**
     * {@code foldbatch run INPUT --data-pipeline-only} in a child JVM against {@code dbUrl} (PostgreSQL), with the
     * sample settings, HMMER from {@code hmmerDir}, one search at a time, data and outputs under {@code dir}.
     */
    public static List<String> dataPipelineRun(Path dir, String dbUrl, Path hmmerDir, Path input) {
        return foldbatch(List.of("run", input.toString(), "--config", "samples/foldbatch-sample.properties",
                "--db-url", dbUrl, "--db-user", TestDatabases.POSTGRES_USER,
                "--data-dir", dir.resolve("data").toString(), "--hmmer-binary-dir", hmmerDir.toString(), "--output-dir", dir.resolve("out").toString(),
                "--data-pipeline-only", "--max-parallel-searches", "1"));
    }

    /** Starts {@code command} with its output and errors in {@code log}. */
    public static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** SIGKILL to {@code process} and the processes it started, as {@code kill -9} would; waits for it to end. */
    public static void kill(Process process) throws InterruptedException {
        List<ProcessHandle> family = process.descendants().toList();
        process.destroyForcibly();
        family.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** A process log for assertion messages; empty when the process has not written one yet. */
    public static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Skips when RabbitMQ at 127.0.0.1:5672 is unreachable, except under CI=true, where that fails the test. */
    public static void requireRabbitMq() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5672), 2000);
        } catch (IOException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but RabbitMQ at 127.0.0.1:5672 is unreachable", e);
            }
            Assumptions.abort("RabbitMQ at 127.0.0.1:5672 is unreachable: " + e.getMessage());
        }
    }

    private static String which(String tool) {
        for (String d : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return Path.of(d, tool).toString();
            }
        }
        throw new IllegalStateException(tool + " is not on the PATH");
    }
}
