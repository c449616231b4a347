package org.foldbatch.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foldbatch.TestProcesses.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.foldbatch.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 12: a {@code foldbatch run} killed with SIGKILL leaves no tool process running, and its embedded
 * database's server listens on 127.0.0.1 only. jackhmmer is replaced by a wrapper that execs {@code sleep 120}: a
 * real process standing in for a long search.
 */
@IntegrationTest
class KilledJvmLeavesNothingFunctionalTests {

    @TempDir
    Path dir;

    @Test
    void toolsDieWithTheKilledJvmAndTheH2ServerIsLocalOnly() throws Exception {
        Path hmmer = Files.createDirectories(dir.resolve("hmmer"));
        Path jackhmmer = hmmer.resolve("jackhmmer");
        Files.writeString(jackhmmer, "#!/bin/sh\nexec sleep 120\n");
        Files.setPosixFilePermissions(jackhmmer, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String tool : List.of("nhmmer", "hmmbuild", "hmmalign", "hmmsearch")) {
            Files.createSymbolicLink(hmmer.resolve(tool), Path.of("/usr/bin", tool));
        }
        Path input = dir.resolve("orphan.json");
        Files.writeString(input, """
                {"dialect": "alphafold3", "version": 4, "name": "orphan", "modelSeeds": [1],
                 "sequences": [{"protein": {"id": "A", "sequence": "%s"}}]}
                """.formatted(FoldJobFunctionalTests.RESPONSE_REGULATOR));
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = dir.resolve("run.log");
        Process run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.foldbatch.cli.Main",
                "run", input.toString(), "--config", "samples/foldbatch-sample.properties", "--data-dir",
                dir.resolve("data").toString(), "--hmmer-binary-dir", hmmer.toString(), "--output-dir",
                dir.resolve("out").toString(), "--data-pipeline-only")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() ->
                    !run.isAlive() || run.descendants().anyMatch(p -> p.info().command().orElse("").endsWith("sleep")));
            assertThat(run.isAlive()).as(read(log)).isTrue();
            List<ProcessHandle> tools = run.descendants().toList();
            String lock = Files.readString(dir.resolve("data/db/foldbatch.lock.db"));
            Matcher port = Pattern.compile("server=[^\\n]*?(\\d+)\\s").matcher(lock);
            assertThat(port.find()).as(lock).isTrue();
            List<String> listening = listeningAddresses(Integer.parseInt(port.group(1)));

            run.destroyForcibly();
            run.waitFor(30, TimeUnit.SECONDS);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> tools.stream().noneMatch(ProcessHandle::isAlive));

            assertThat(tools).isNotEmpty().noneMatch(ProcessHandle::isAlive);
            assertThat(listening).as("H2 server sockets (hex address:port) in /proc/net/tcp*").isNotEmpty()
                    .allMatch(a -> a.startsWith("0100007F:") || a.startsWith("0000000000000000FFFF00000100007F:"));
        } finally {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
    }

    /** Local addresses of the sockets listening on {@code port}, as /proc/net/tcp and tcp6 write them. */
    private static List<String> listeningAddresses(int port) throws IOException {
        String hexPort = String.format(":%04X", port);
        List<String> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.strip().split("\\s+");
                if (f.length > 3 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                    out.add(f[1]);
                }
            }
        }
        return out;
    }
}
