package org.foldbatch.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.foldbatch.IntegrationTest;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;

/** Issue 15 items 4 and 6 through the fold job: searches read staged copies; a SIGKILLed search fails as memory. */
@IntegrationTest
class SearchFleetFunctionalTests {

    @TempDir
    Path dir;

    private final FoldInput input = load();

    private static FoldInput load() {
        try {
            return new FoldInputLoader().load(Path.of("samples/inputs/response_regulator_u6.json")).get(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** HMMER wrappers that log the database each search reads, then run {@code body} or the real program. */
    private Path hmmer(String jackhmmerBody) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("hmmer"));
        for (String tool : List.of("jackhmmer", "nhmmer", "hmmbuild", "hmmalign", "hmmsearch")) {
            String body = "echo \"${@: -1}\" >> " + dir.resolve("databases-read.txt") + "\n"
                    + (tool.equals("jackhmmer") ? jackhmmerBody + "\n" : "") + "exec /usr/bin/" + tool + " \"$@\"";
            Files.writeString(bin.resolve(tool), "#!/bin/bash\n" + body + "\n");
            bin.resolve(tool).toFile().setExecutable(true);
        }
        return bin;
    }

    private FoldJobLauncher.Outcome fold(Map<String, String> settings) {
        Map<String, Object> properties = FoldbatchTestContext.properties("h2", dir.resolve("data"));
        properties.putAll(settings);
        try (ConfigurableApplicationContext ctx = FoldbatchTestContext.start(properties)) {
            return ctx.getBean(FoldJobLauncher.class).launch(FoldJobFunctionalTests.stored(input),
                    FoldJobFunctionalTests.params(input, dir.resolve("out"), null));
        }
    }

    @Test
    void everySequenceSearchReadsItsStagedCopyAndFindsTheSameMsas() throws Exception {
        Path stage = dir.resolve("shm");
        Path bin = hmmer("");

        FoldJobLauncher.Outcome run = fold(Map.of("foldbatch.search.hmmer-binary-dir", bin.toString(),
                "foldbatch.search.stage-dir", stage.toString()));

        assertThat(run.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> read = Files.readAllLines(dir.resolve("databases-read.txt")).stream()
                .filter(p -> p.endsWith(".fasta") || p.endsWith(".fa")).toList();
        List<String> sequenceSearches = read.stream().filter(p -> !p.contains("pdb_seqres")).toList();
        assertThat(sequenceSearches).as("4 protein and 3 RNA databases").hasSize(7)
                .allMatch(p -> p.startsWith(stage.toAbsolutePath().toString()), "read from the stage dir");
        try (var entries = Files.list(stage)) {
            assertThat(entries.filter(Files::isDirectory)).hasSize(7);
        }
        Path folder = dir.resolve("out").resolve(input.sanitisedName());
        FoldInput written = new FoldInputLoader().load(folder.resolve(input.sanitisedName() + "_data.json")).get(0);
        assertThat(written.proteinChains().get(0).unpairedMsa())
                .isEqualTo(Files.readString(Path.of("samples/msa-golden/response_regulator.unpaired.a3m")));
        assertThat(written.rnaChains().get(0).unpairedMsa())
                .isEqualTo(Files.readString(Path.of("samples/msa-golden/u6_rna.unpaired.a3m")));
    }

    @Test
    void aSearchTheKernelKillsFailsItsPartitionAsOutOfMemoryAndABiggerWorkerCompletesIt() throws Exception {
        Path marker = Files.createFile(dir.resolve("small-machine"));
        Path bin = hmmer("if [ -e " + marker + " ] && [ \"$1\" != -h ]; then kill -9 $$; fi");

        FoldJobLauncher.Outcome killed = fold(Map.of("foldbatch.search.hmmer-binary-dir", bin.toString(),
                "foldbatch.search.memory", "1GB"));
        Files.delete(marker); // the restart runs on a machine with room
        FoldJobLauncher.Outcome restarted = fold(Map.of("foldbatch.search.hmmer-binary-dir", bin.toString(),
                "foldbatch.search.memory", "16GB"));

        assertThat(killed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(killed.execution().getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith("geneSearchChain:protein") && s.getStatus() == BatchStatus.FAILED)
                .flatMap(s -> s.getFailureExceptions().stream()).map(Throwable::getMessage))
                .isNotEmpty()
                .allMatch(m -> !m.contains("\n") && m.matches("jackhmmer \\(.*\\) was killed \\(SIGKILL, exit 137\\),"
                        + " probably out of memory: the search was estimated to need \\d+ MiB \\(memory budget 1\\.0"
                        + " GiB\\); restart it on a worker with more memory"), "one line with the estimate");
        assertThat(restarted.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.execution().getJobInstance().getInstanceId())
                .isEqualTo(killed.execution().getJobInstance().getInstanceId());
    }
}
