package org.foldbatch.msa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.foldbatch.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search the kernel kills (SIGKILL, as the out-of-memory killer does) fails with a one-line memory reason. */
@IntegrationTest
class MemoryLimitedSearchesTests {

    private static final Path UNIREF90 = TestData.database("uniref90__subsampled_1000.fasta");

    @TempDir
    Path temp;

    @Test
    void aSearchKilledWithSigkillIsReportedAsProbablyOutOfMemoryWithItsEstimate() throws IOException {
        GeneSearchExecutor hmmer = hmmerRunning("echo 'allocating' >&2\nkill -9 $$");
        MemoryBudget budget = new MemoryBudget(8L << 30);
        DatabaseSpec database = DatabaseSpec.of("uniref90", UNIREF90);
        SearchRequest request = new SearchRequest(MoleculeType.PROTEIN, TestData.RESPONSE_REGULATOR, database,
                SearchTool.JACKHMMER, 1e-4, 10_000, 2, null, "test", "fp");

        ToolException e = catchThrowableOfType(ToolException.class,
                () -> new MemoryLimitedSearches(budget).limiting(hmmer).apply(request));

        String estimate = SearchMemory.format(SearchMemory.estimate(request));
        assertThat(e.getMessage()).doesNotContain("\n")
                .startsWith("jackhmmer (uniref90__subsampled_1000.fasta) was killed (SIGKILL, exit 137), probably out"
                        + " of memory: the search was estimated to need " + estimate + " (memory budget 8.0 GiB)");
        assertThat(e.exitCode()).isEqualTo(137);
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void otherFailuresKeepTheirOwnMessage() throws IOException {
        GeneSearchExecutor hmmer = hmmerRunning("echo 'Error: bad sequence file' >&2\nexit 1");
        SearchRequest request = new SearchRequest(MoleculeType.PROTEIN, TestData.RESPONSE_REGULATOR,
                DatabaseSpec.of("uniref90", UNIREF90), SearchTool.JACKHMMER, 1e-4, 10_000, 2, null, "test", "fp");

        ToolException e = catchThrowableOfType(ToolException.class,
                () -> new MemoryLimitedSearches(new MemoryBudget(8L << 30)).limiting(hmmer).apply(request));

        assertThat(e.getMessage()).isEqualTo(
                "jackhmmer (uniref90__subsampled_1000.fasta) failed with exit code 1: Error: bad sequence file");
    }

    /** HMMER programs replaced by a shell script running {@code body}: a real process that ends as we choose. */
    private GeneSearchExecutor hmmerRunning(String body) throws IOException {
        Path bin = temp.resolve("bin");
        Files.createDirectories(bin);
        for (String tool : new String[] {"jackhmmer", "nhmmer", "hmmbuild", "hmmalign", "hmmsearch"}) {
            Path script = bin.resolve(tool);
            Files.writeString(script, "#!/bin/sh\n" + body + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return new GeneSearchExecutor(HmmerBinaries.locate(bin), new ToolRunner(), Duration.ofMinutes(1), temp);
    }
}
