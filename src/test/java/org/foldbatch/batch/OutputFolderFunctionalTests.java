package org.foldbatch.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.foldbatch.batch.FoldJobFunctionalTests.params;
import static org.foldbatch.batch.FoldJobFunctionalTests.stored;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.foldbatch.FoldbatchException;
import org.foldbatch.IntegrationTest;
import org.foldbatch.batch.jdbc.JdbcOutputFolders;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.input.ProteinChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 12, items 1, 4 and 12 (--force twice at once): a fold's identity and its folder agree. */
@IntegrationTest
class OutputFolderFunctionalTests {

    static final String SEQ_A = "MGHKVPKILVVDDEENARLALRVILQQEGYQVDSVANG";
    static final String SEQ_B = "SEFEKLRQTGDELVQAFQRLREIFDKGDDDSLEQVLEE";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void twoInputsWithOneNameNeverShareAFolderAndTheRerunNamesItsOwn(String vendor) throws Exception {
        // given: A.json and B.json, both named "collide", run as A, B, A into one output directory
        FoldInput a = FoldInput.of("collide", List.of(1L), List.of(ProteinChain.of("A", SEQ_A)));
        FoldInput b = FoldInput.of("collide", List.of(1L), List.of(ProteinChain.of("A", SEQ_B)));
        Path out = dir.resolve("o");
        try (ConfigurableApplicationContext ctx = FoldbatchTestContext.start(
                FoldbatchTestContext.properties(vendor, dir.resolve("data")))) {
            FoldJobLauncher launcher = ctx.getBean(FoldJobLauncher.class);

            // when
            FoldJobLauncher.Outcome first = launcher.launch(stored(a), params(a, out, null));
            FoldJobLauncher.Outcome second = launcher.launch(stored(b), params(b, out, null));
            FoldJobLauncher.Outcome third = launcher.launch(stored(a), params(a, out, null));

            // then
            assertThat(first.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(second.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(first.jobDir()).isEqualTo(out.resolve("collide"));
            assertThat(second.jobDir().getFileName().toString()).matches("collide_\\d{8}_\\d{6}");
            assertThat(sequenceIn(second.jobDir())).isEqualTo(SEQ_B);
            assertThat(third.alreadyComplete()).isTrue();
            assertThat(third.outputsMissing()).isFalse();
            assertThat(third.jobDir()).isEqualTo(out.resolve("collide"));
            assertThat(sequenceIn(third.jobDir())).isEqualTo(SEQ_A);
        }
    }

    @Test
    void aCompletedFoldWhoseFilesAreGoneSaysSoAndForceRewritesThemInItsFolder() throws Exception {
        FoldInput a = FoldInput.of("gone", List.of(1L), List.of(ProteinChain.of("A", SEQ_A)));
        Path out = dir.resolve("o");
        try (ConfigurableApplicationContext ctx = FoldbatchTestContext.start(
                FoldbatchTestContext.properties("h2", dir.resolve("data")))) {
            FoldJobLauncher launcher = ctx.getBean(FoldJobLauncher.class);
            FoldJobLauncher.Outcome first = launcher.launch(stored(a), params(a, out, null));
            Files.delete(first.jobDir().resolve("gone_data.json"));

            FoldJobLauncher.Outcome emptied = launcher.launch(stored(a), params(a, out, null));
            FoldJobLauncher.Outcome elsewhere = launcher.launch(stored(a), params(a, dir.resolve("new-out"), null));
            FoldJobLauncher.Outcome forced = launcher.launch(stored(a), params(a, out, "fresh-1"));

            assertThat(emptied.outputsMissing()).isTrue();
            assertThat(emptied.missingOutputs()).containsExactly(out.resolve("gone/gone_data.json"));
            assertThat(elsewhere.outputsMissing()).isTrue();
            assertThat(elsewhere.jobDir()).isEqualTo(dir.resolve("new-out/gone"));
            assertThat(forced.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(forced.jobDir()).isEqualTo(out.resolve("gone"));
            assertThat(sequenceIn(forced.jobDir())).isEqualTo(SEQ_A);
        }
    }

    @Test
    void aSecondLaunchOfOneFoldWhileTheFirstWritesIsRefusedAndACrashedHolderIsTakenOver() throws Exception {
        FoldInput a = FoldInput.of("twice", List.of(1L), List.of(ProteinChain.of("A", SEQ_A)));
        Path out = dir.resolve("o");
        Process other = new ProcessBuilder("sleep", "120").start();
        try (ConfigurableApplicationContext ctx = FoldbatchTestContext.start(
                FoldbatchTestContext.properties("h2", dir.resolve("data")))) {
            FoldJobLauncher launcher = ctx.getBean(FoldJobLauncher.class);
            JdbcOutputFolders folders = new JdbcOutputFolders(ctx.getBean(JdbcTemplate.class));
            FoldJobLauncher.Outcome first = launcher.launch(stored(a), params(a, out, "force-1"));
            // another process (alive) is writing this fold's folder, as a concurrent --force would
            String holder = org.foldbatch.util.ProcessOwner.hostName() + " " + other.pid() + " "
                    + other.info().startInstant().orElseThrow().toEpochMilli();
            assertThat(folders.hold(first.jobDir(), holder, null)).isTrue();

            assertThatThrownBy(() -> launcher.launch(stored(a), params(a, out, "force-2")))
                    .isInstanceOf(FoldbatchException.class)
                    .hasMessageContaining("is being written by another launch of this input");
            other.destroyForcibly().waitFor();
            FoldJobLauncher.Outcome afterCrash = launcher.launch(stored(a), params(a, out, "force-3"));

            assertThat(afterCrash.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(afterCrash.jobDir()).isEqualTo(first.jobDir());
            assertThat(folders.holder(first.jobDir())).isEmpty();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aFolderTheCallerChoseIsClaimedAndWrittenTo() throws Exception {
        FoldInput a = FoldInput.of("chosen", List.of(1L), List.of(ProteinChain.of("A", SEQ_A)));
        Path out = dir.resolve("o");
        try (ConfigurableApplicationContext ctx = FoldbatchTestContext.start(
                FoldbatchTestContext.properties("h2", dir.resolve("data")))) {
            FoldJobLauncher launcher = ctx.getBean(FoldJobLauncher.class);

            FoldJobLauncher.Outcome run = launcher.launch(stored(a),
                    params(a, out, null).withJobDir(out.resolve("chosen_20260101_000000")));

            assertThat(run.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(run.jobDir()).isEqualTo(out.resolve("chosen_20260101_000000"));
            assertThat(sequenceIn(run.jobDir())).isEqualTo(SEQ_A);
            assertThat(new JdbcOutputFolders(ctx.getBean(JdbcTemplate.class)).isClaimed(run.jobDir())).isTrue();
        }
    }

    private static String sequenceIn(Path jobDir) {
        String name = jobDir.getFileName().toString().replaceFirst("_\\d{8}_\\d{6}$", "");
        return new FoldInputLoader().load(jobDir.resolve(name + "_data.json")).get(0).proteinChains().get(0).sequence();
    }
}
