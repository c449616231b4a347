package org.foldbatch.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.foldbatch.batch.jdbc.JdbcFoldInputStore.StoredInput;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.input.FoldInputWriter;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.RnaChain;
import org.foldbatch.util.Hashing;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The fold job through its launcher, on the miniature databases, on H2 and on PostgreSQL. */
class FoldJobFunctionalTests {

    static final String RESPONSE_REGULATOR = "MGHKVPKILVVDDEENARLALRVILQQEGYQVDSVANGLEALEFLRRHRVNVVISDIKMPQMNGLAFLREL"
            + "NRRYPSTRVIMVTAHGGIESYLEAIHLGAFEYIHKPVRVEELKWVMSKMFNEGRTAKAN";
    static final String PROTEIN_5TGY = "SEFEKLRQTGDELVQAFQRLREIFDKGDDDSLEQVLEEIEELIQKHRQLFDNRQEAADTEAAKQGDQWVQLF"
            + "QRFREAIDKGDKDSLEQLLEELEQALQKIRELAEKKN";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aChainSharedWithAnEarlierInputStartsNoSearch(String vendor) throws Exception {
        // given
        FoldInput first = new FoldInputLoader().load(Path.of("samples/inputs/response_regulator_u6.json")).get(0);
        FoldInput second = FoldInput.of("shares_chain_a", List.of(7L),
                List.of(ProteinChain.of("A", RESPONSE_REGULATOR), ProteinChain.of("B", PROTEIN_5TGY)));
        Path out = dir.resolve("out");
        try (ConfigurableApplicationContext ctx = FoldbatchTestContext.start(
                FoldbatchTestContext.properties(vendor, dir.resolve("data")))) {
            FoldJobLauncher launcher = ctx.getBean(FoldJobLauncher.class);
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            String rr = Hashing.sha256(RESPONSE_REGULATOR);

            // when
            FoldJobLauncher.Outcome a = launcher.launch(stored(first), params(first, out, null));
            int rrRunsAfterFirst = toolRuns(jdbc, rr);
            FoldJobLauncher.Outcome b = launcher.launch(stored(second), params(second, out, null));

            // then
            assertThat(a.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(b.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(rrRunsAfterFirst).as("4 jackhmmer runs and 1 template search").isEqualTo(5);
            assertThat(toolRuns(jdbc, rr)).isEqualTo(rrRunsAfterFirst);
            assertThat(toolRuns(jdbc, Hashing.sha256(PROTEIN_5TGY))).isEqualTo(5);
            assertThat(toolRuns(jdbc, Hashing.sha256(first.rnaChains().get(0).sequence()))).isEqualTo(3);

            FoldInput written = new FoldInputLoader().load(out.resolve("response_regulator_u6/response_regulator_u6_data.json")).get(0);
            ProteinChain protein = written.proteinChains().get(0);
            assertThat(protein.unpairedMsa()).isEqualTo(Files.readString(Path.of("samples/msa-golden/response_regulator.unpaired.a3m")));
            assertThat(protein.pairedMsa()).isEqualTo(Files.readString(Path.of("samples/msa-golden/response_regulator.paired.a3m")));
            RnaChain rna = written.rnaChains().get(0);
            assertThat(rna.unpairedMsa()).isEqualTo(Files.readString(Path.of("samples/msa-golden/u6_rna.unpaired.a3m")));
            assertThat(protein.templates()).isNotNull();
            assertThat(FoldInputWriter.toJson(written)).isEqualTo(
                    Files.readString(out.resolve("response_regulator_u6/response_regulator_u6_data.json")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aCompletedInputIsReportedAndForceRunsItAgainFromTheCache(String vendor) {
        FoldInput input = FoldInput.of("again", List.of(1L), List.of(ProteinChain.of("A", RESPONSE_REGULATOR)));
        Path out = dir.resolve("out");
        try (ConfigurableApplicationContext ctx = FoldbatchTestContext.start(
                FoldbatchTestContext.properties(vendor, dir.resolve("data")))) {
            FoldJobLauncher launcher = ctx.getBean(FoldJobLauncher.class);
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);

            FoldJobLauncher.Outcome first = launcher.launch(stored(input), params(input, out, null));
            int runs = jdbc.queryForObject("SELECT COUNT(*) FROM fb_tool_run", Integer.class);
            FoldJobLauncher.Outcome again = launcher.launch(stored(input), params(input, out, null));
            FoldJobLauncher.Outcome forced = launcher.launch(stored(input), params(input, out, "fresh-1"));

            assertThat(first.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(again.alreadyComplete()).isTrue();
            assertThat(forced.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(forced.execution().getJobInstance().getInstanceId())
                    .isNotEqualTo(first.execution().getJobInstance().getInstanceId());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fb_tool_run", Integer.class)).isEqualTo(runs);
            assertThat(jdbc.queryForList("SELECT outcome FROM fb_cache_lookup WHERE job_execution_id = ?", String.class,
                    forced.execution().getId())).hasSize(5).containsOnly("HIT");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aCrashingToolFailsItsPartitionAndTheRestartRerunsOnlyThat(String vendor) throws Exception {
        // given: jackhmmer crashes (exit 3, a message on stderr) for the 5tgy chain while a marker file exists
        Path hmmer = Files.createDirectories(dir.resolve("hmmer"));
        Path marker = Files.createFile(dir.resolve("crash-5tgy"));
        for (String tool : List.of("nhmmer", "hmmbuild", "hmmalign", "hmmsearch")) {
            wrapper(hmmer.resolve(tool), "exec /usr/bin/" + tool + " \"$@\"");
        }
        wrapper(hmmer.resolve("jackhmmer"), "if [ -e " + marker + " ] && [ $# -ge 2 ] && grep -q SEFEKLRQ \"${@: -2:1}\" 2>/dev/null;"
                + " then echo 'Fatal exception (source file p7_hmmfile.c): simulated crash' >&2; exit 3; fi\n"
                + "exec /usr/bin/jackhmmer \"$@\"");
        FoldInput input = FoldInput.of("crashing", List.of(1L),
                List.of(ProteinChain.of("A", RESPONSE_REGULATOR), ProteinChain.of("B", PROTEIN_5TGY)));
        var properties = FoldbatchTestContext.properties(vendor, dir.resolve("data"));
        properties.put("foldbatch.search.hmmer-binary-dir", hmmer.toString());
        try (ConfigurableApplicationContext ctx = FoldbatchTestContext.start(properties)) {
            FoldJobLauncher launcher = ctx.getBean(FoldJobLauncher.class);
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);

            // when
            FoldJobLauncher.Outcome failed = launcher.launch(stored(input), params(input, dir.resolve("out"), null));
            Files.delete(marker);
            FoldJobLauncher.Outcome restarted = launcher.launch(stored(input), params(input, dir.resolve("out"), null));

            // then
            assertThat(failed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(failed.execution().getStepExecutions().stream()
                    .filter(s -> s.getStatus() == BatchStatus.FAILED)
                    .flatMap(s -> s.getFailureExceptions().stream()).map(Throwable::getMessage))
                    .anyMatch(m -> m.contains("failed with exit code 3") && m.contains("simulated crash"));
            assertThat(restarted.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(restarted.execution().getJobInstance().getInstanceId())
                    .isEqualTo(failed.execution().getJobInstance().getInstanceId());
            assertThat(restarted.execution().getStepExecutions()).extracting(s -> s.getStepName() + "=" + s.getStatus())
                    .filteredOn(n -> n.startsWith("geneSearchChain:")).singleElement().asString()
                    .isEqualTo("geneSearchChain:protein-" + Hashing.sha256(PROTEIN_5TGY).substring(0, 16) + "=COMPLETED");
            assertThat(toolRuns(jdbc, Hashing.sha256(RESPONSE_REGULATOR))).isEqualTo(5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void featurisationWritesOneFeatureBatchPerSeed(String vendor) throws Exception {
        FoldInput input = FoldInput.of("featurised", List.of(3L, 4L),
                List.of(ProteinChain.of("A", RESPONSE_REGULATOR), org.foldbatch.input.Ligand.ofCcd("B", "MG")));
        Path out = dir.resolve("out");
        try (ConfigurableApplicationContext ctx = FoldbatchTestContext.start(
                FoldbatchTestContext.properties(vendor, dir.resolve("data")))) {
            FoldJobLauncher launcher = ctx.getBean(FoldJobLauncher.class);
            FoldJobParameters features = new FoldJobParameters(input.contentHash(), FoldJobParameters.Stages.FEATURES,
                    out, null);

            FoldJobLauncher.Outcome run = launcher.launch(stored(input), features);

            assertThat(run.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            for (long seed : List.of(3L, 4L)) {
                var batch = org.foldbatch.feature.FeatureBatch.read(OutputFiles.features(out.resolve("featurised"), "featurised", seed));
                assertThat(batch.get("seq_length").ints()).containsExactly(RESPONSE_REGULATOR.length() + 1);
                assertThat(batch.get("asym_id").ints()).startsWith(1, 1).contains(2);
                assertThat(batch.get("token_index").shape()).containsExactly(256);
            }
            assertThat(run.execution().getStepExecutions()).extracting(s -> s.getStepName())
                    .contains("featuriseSeed:seed-3", "featuriseSeed:seed-4");
        }
    }

    private static void wrapper(Path file, String body) throws Exception {
        Files.writeString(file, "#!/bin/bash\n" + body + "\n");
        file.toFile().setExecutable(true);
    }

    static StoredInput stored(FoldInput input) {
        return new StoredInput(input.contentHash(), input.sanitisedName(), "test:" + input.name(),
                FoldInputWriter.toJson(input));
    }

    static FoldJobParameters params(FoldInput input, Path out, String fresh) {
        return new FoldJobParameters(input.contentHash(), FoldJobParameters.Stages.DATA_PIPELINE, out, fresh);
    }

    private static int toolRuns(JdbcTemplate jdbc, String sequenceSha256) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM fb_tool_run WHERE sequence_sha256 = ?", Integer.class,
                sequenceSha256);
    }
}
