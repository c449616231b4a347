package org.foldbatch.msa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.foldbatch.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes on one host staging the same database at once: the file lock lets exactly one copy it. */
@IntegrationTest
class DatabaseStagerProcessTests {

    @TempDir
    Path temp;

    @Test
    void twoProcessesStagingAtOnceCopyOnce() throws Exception {
        Path db = temp.resolve("uniref90.fasta");
        byte[] line = (">s\n" + "ACDEFGHIKLMNPQRSTVWY".repeat(50) + "\n").getBytes();
        try (var out = Files.newOutputStream(db)) {
            for (int i = 0; i < 40_000; i++) { // about 40 MB: copying and checksumming overlap the other start
                out.write(line);
            }
        }
        Path stageDir = temp.resolve("shm");
        Path go = temp.resolve("go");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    StageOnce.class.getName(), stageDir.toString(), db.toString(), go.toString())
                    .redirectErrorStream(true).redirectOutput(temp.resolve("stager-" + i + ".log").toFile()).start());
        }
        Thread.sleep(3_000); // both JVMs up and polling
        Files.createFile(go);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            assertThat(processes.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
            String log = Files.readString(temp.resolve("stager-" + i + ".log"));
            assertThat(processes.get(i).exitValue()).as(log).isZero();
            outcomes.add(log.lines().filter(l -> l.startsWith("outcome=")).findFirst().orElse(log));
        }
        assertThat(Collections.frequency(outcomes, "outcome=COPIED")).as(outcomes.toString()).isEqualTo(1);
        assertThat(Collections.frequency(outcomes, "outcome=REUSED")).as(outcomes.toString()).isEqualTo(1);
        try (var entries = Files.list(stageDir)) {
            Path entry = entries.filter(Files::isDirectory).findFirst().orElseThrow();
            assertThat(entry.resolve("uniref90.fasta")).hasSameBinaryContentAs(db);
            try (var files = Files.list(entry)) {
                assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith(".copy-"));
            }
        }
    }
}
