package org.foldbatch.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.foldbatch.IntegrationTest;
import org.foldbatch.TestProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 2: the same input, seed and settings give the same {@code ref_pos} in any process, whatever the
 * process featurised before and whether conformers came from the cache. Before the fix, OpenChemLib's process-wide
 * rigid-fragment cache and a 20 s time limit per conformer made 5tgy's {@code ref_pos} depend on what ran first.
 */
@IntegrationTest
class ConformerDeterminismTests {

    private static final String FIVE_TGY = "samples/inputs/5tgy.json";

    @TempDir
    Path dir;

    @Test
    void fiveTgyAfterAnotherInputWithACacheEqualsFiveTgyAloneInAFreshProcessWithout() throws Exception {
        // given: one process that featurises calmodulin first, then 5tgy twice (the second from its conformer cache)
        List<String> history = run("memory", "samples/inputs/examples/calmodulin_4calcium.json", FIVE_TGY, FIVE_TGY);
        // and: a fresh process that featurises 5tgy alone, with no cache
        List<String> alone = run("none", FIVE_TGY);

        // then: 5tgy's ref_pos bytes are the same all three times
        assertThat(history).hasSize(3);
        assertThat(alone).hasSize(1);
        assertThat(history.get(1)).as("5tgy after calmodulin").isEqualTo(alone.get(0));
        assertThat(history.get(2)).as("5tgy from the conformer cache").isEqualTo(alone.get(0));
        assertThat(history.get(0)).as("a different input").isNotEqualTo(alone.get(0));
    }

    private List<String> run(String cache, String... inputs) throws Exception {
        Path log = Files.createTempFile(dir, "refpos", ".log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), RefPosPrinter.class.getName(), cache));
        command.addAll(List.of(inputs));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("featurisation finished; log %s", log).isTrue();
        assertThat(p.exitValue()).as("exit status; log: %s", TestProcesses.read(log)).isZero();
        List<String> hashes = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            String[] parts = line.split(" ");
            if (parts.length == 2 && parts[1].matches("[0-9a-f]{64}")) {
                hashes.add(parts[1]);
            }
        }
        return hashes;
    }
}
