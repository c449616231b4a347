package org.foldbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTests {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate", "jobs", "bench", "random-weights", "campaign", "scheduler", "report", "worker", "doctor"})
    void everySubcommandHasHelp(String command) {
        CliRun r = run(command, "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Usage: foldbatch " + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate", "jobs", "doctor", "worker", "campaign"})
    void everySubcommandReportsTheBuildsVersion(String command) {
        CliRun r = run(command, "--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("foldbatch " + BuildInfo.version() + " (TensorFlow ");
    }

    @Test
    void validateAcceptsEveryAlphaFold3Example() {
        CliRun r = run("validate", "samples/inputs/examples");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("ok: "))).hasSize(9);
    }

    @Test
    void validatePrintsOneLinePerBadFileAndFails() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"dialect": "alphafold3", "version": 4, "name": "x", "modelSeeds": [1],
                 "sequences": [{"protein": {"id": "A", "sequence": "MKV",
                   "modifications": [{"ptmType": "SEP", "ptmPosition": 9}]}}]}
                """);
        CliRun r = run("validate", bad.toString(), "samples/inputs/5tgy.json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("ok: samples/inputs/5tgy.json: 5tgy");
        assertThat(r.out().lines().filter(l -> l.startsWith("error: ")).toList()).singleElement()
                .asString().contains(bad.toString(), "$.sequences[0].protein.modifications[0]");
    }

    @Test
    void skippingTheDataPipelineNeedsAnInputWithItsMsasAndTemplates() {
        CliRun r = run("run", "samples/inputs/5tgy.json", "--no-data-pipeline", "--data-dir", dir.toString(),
                "--output-dir", dir.resolve("out").toString(), "--model-dir", dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Protein chain 1 is missing unpaired MSA.");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void inferenceWithoutWeightsSaysWhatToDoBeforeAnySearch() {
        CliRun r = run("run", "samples/inputs/5tgy.json", "--data-dir", dir.toString(),
                "--config", "samples/foldbatch-sample.properties", "--model-dir", dir.resolve("nowhere").toString(),
                "--output-dir", dir.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--model-dir " + dir.resolve("nowhere") + ": no such directory");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aMissingDatabaseStopsTheRunBeforeAnyJobStarts() {
        CliRun r = run("run", "samples/inputs/5tgy.json", "--data-dir", dir.resolve("data").toString(),
                "--config", "samples/foldbatch-sample.properties", "--database", "uniref90=/nonexistent/uniref90.fa",
                "--output-dir", dir.resolve("out").toString(), "--data-pipeline-only");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("error: Database uniref90 (/nonexistent/uniref90.fa)");
        assertThat(dir.resolve("out")).doesNotExist();
        CliRun jobs = run("jobs", "--data-dir", dir.resolve("data").toString());
        assertThat(jobs.exit()).isZero();
        assertThat(jobs.out().lines()).hasSize(1);
    }
}
