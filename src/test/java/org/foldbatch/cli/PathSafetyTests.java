package org.foldbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, item 3: no path derived from input text leaves its directory. */
class PathSafetyTests {

    @TempDir
    Path dir;

    @Test
    void anInputNamedDotDotIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path input = work.resolve("dots.json");
        Files.writeString(input, """
                {"dialect": "alphafold3", "version": 4, "name": "..", "modelSeeds": [1],
                 "sequences": [{"protein": {"id": "A", "sequence": "MKV"}}]}
                """);

        CliRun validate = CliRun.of("validate", input.toString());
        CliRun run = CliRun.of("run", input.toString(), "--data-dir", dir.resolve("data").toString(),
                "--output-dir", work.resolve("out").toString(), "--data-pipeline-only");

        assertThat(validate.exit()).isEqualTo(1);
        assertThat(validate.out()).contains(input.toString(), "$.name", "'..' is made of dots only");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString().contains("$.name", "dots only");
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files).containsExactly(input);
        }
    }

    @Test
    void aNameThatSanitisesToOneDotIsRefusedToo() throws Exception {
        Path input = dir.resolve("dot.json");
        Files.writeString(input, """
                {"dialect": "alphafold3", "version": 4, "name": ".", "modelSeeds": [1],
                 "sequences": [{"protein": {"id": "A", "sequence": "MKV"}}]}
                """);

        CliRun validate = CliRun.of("validate", input.toString());

        assertThat(validate.exit()).isEqualTo(1);
        assertThat(validate.out()).contains("$.name", "'.' is made of dots only").doesNotContain("ok:");
    }

    @Test
    void aCampaignNamedDotDotIsRefused() throws Exception {
        Path campaign = dir.resolve("dots.yaml");
        Files.writeString(campaign, "name: '..'\nmode: seed-sweep\nseeds: [1]\nfixed: [{protein: {sequence: MKV}}]\n");

        CliRun validate = CliRun.of("campaign", "validate", campaign.toString());

        assertThat(validate.exit()).isNotZero();
        assertThat(validate.out() + validate.err()).contains("$.name", "dots only");
    }

    /** Issue 12, item 12: a directory argument without inputs is an error, not a run of nothing. */
    @Test
    void anEmptyInputDirectoryIsAnError() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        CliRun validate = CliRun.of("validate", empty.toString());
        CliRun run = CliRun.of("run", empty.toString(), "--data-dir", dir.resolve("data").toString());

        assertThat(validate.exit()).isEqualTo(1);
        assertThat(validate.err()).contains(empty + ": no *.json input files in this directory");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(empty + ": no *.json input files in this directory");
    }
}
