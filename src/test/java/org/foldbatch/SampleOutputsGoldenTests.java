package org.foldbatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.util.Hashing;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample input, run through the data pipeline and featurisation in a fresh process, gives the recorded
 * bytes of {@code _data.json} and of each seed's feature batch. The manifest was written by the code before the
 * architecture step (issue 11); a change to it must be a deliberate change of behaviour, named in its commit.
 * Two examples use CCD codes the sample dictionary lacks (MOV, TAC): they are refused before any search (issue 12),
 * so nothing is recorded for them and the run must say why.
 */
@IntegrationTest
class SampleOutputsGoldenTests {

    private static final Path MANIFEST = Path.of("src/test/resources/golden/sample-outputs.sha256");

    @TempDir
    Path dir;

    static Stream<Path> sampleInputs() throws IOException {
        try (Stream<Path> examples = Files.list(Path.of("samples/inputs/examples"))) {
            return Stream.concat(Stream.of(Path.of("samples/inputs/5tgy.json"),
                    Path.of("samples/inputs/response_regulator_u6.json")),
                    examples.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleInputs")
    void dataJsonAndFeaturesAreTheRecordedBytes(Path input) throws Exception {
        Path out = dir.resolve("out");
        Path log = dir.resolve("run.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.foldbatch.cli.Main",
                "run", input.toString(), "--config", "samples/foldbatch-sample.properties", "--featurise-only",
                "--output-dir", out.toString(), "--data-dir", dir.resolve("data").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("run finished; log %s", log).isTrue();

        Map<String, String> produced = hashes(out);
        String jobDir = new FoldInputLoader().load(input).get(0).sanitisedName();
        Map<String, String> expected = new TreeMap<>();
        manifest().forEach((file, hash) -> {
            if (file.startsWith(jobDir + "/")) {
                expected.put(file, hash);
            }
        });
        assertThat(produced).as("sha256 of %s's outputs (log: %s)", input, TestProcesses.read(log)).isEqualTo(expected);
        if (expected.isEmpty()) {
            assertThat(TestProcesses.read(log)).contains("not in the chemical component dictionary");
        }
    }

    private static Map<String, String> hashes(Path out) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        if (!Files.isDirectory(out)) {
            return hashes;
        }
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith("_data.json") || name.endsWith("_features.bin")) {
                    hashes.put(out.relativize(f).toString().replace('\\', '/'), Hashing.sha256(Files.readAllBytes(f)));
                }
            }
        }
        return hashes;
    }

    private static Map<String, String> manifest() throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (String line : Files.readAllLines(MANIFEST)) {
            List<String> parts = List.of(line.split("  ", 2));
            m.put(parts.get(1), parts.get(0));
        }
        return m;
    }
}
