package org.foldbatch.msa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.foldbatch.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@IntegrationTest
class JackhmmerTests {

    private static final HmmerBinaries BINARIES = HmmerBinaries.locate(TestData.HMMER);
    private static final Path UNIREF90 = TestData.database("uniref90__subsampled_1000.fasta");

    @TempDir
    Path temp;

    private Jackhmmer jackhmmer(Duration timeout) {
        return new Jackhmmer(BINARIES, new ToolRunner(), timeout, temp);
    }

    private static SearchRequest request(String sequence, DatabaseSpec database, int maxSequences) {
        return new SearchRequest(MoleculeType.PROTEIN, sequence, database, SearchTool.JACKHMMER, 1e-4, maxSequences,
                2, null, "test", "fp");
    }

    @Test
    void commandLineFlagsFollowAlphaFold3() {
        SearchRequest plain = request("ACDE", DatabaseSpec.of("uniref90", UNIREF90), 10_000);
        assertThat(plain.searchFlags()).containsExactly("--F1", "0.0005", "--F2", "5e-05", "--F3", "5e-07", "-N",
                "1", "-E", "0.0001", "--incE", "0.0001");
        SearchRequest withZ = request("ACDE", DatabaseSpec.of("uniref90", UNIREF90.toString(), 138_515_945.0), 10);
        assertThat(withZ.searchFlags()).endsWith("-Z", "138515945", "--domZ", "138515945");
    }

    @Test
    void findsHomologuesAndKeepsTheQueryRowFirst() {
        SearchResult result = jackhmmer(Duration.ofMinutes(5))
                .search(request(TestData.RESPONSE_REGULATOR, DatabaseSpec.of("uniref90", UNIREF90), 10_000));
        List<FastaRecord> rows = A3m.parse(result.a3m());
        assertThat(result.a3m()).startsWith(">query \n" + TestData.RESPONSE_REGULATOR + "\n").endsWith("\n");
        assertThat(result.hits()).isEqualTo(10);
        assertThat(result.rowsKept()).isEqualTo(11).isEqualTo(rows.size());
        assertThat(rows.get(1).description()).isEqualTo("UniRef90_UPI001CD804F7/1-130 [subseq from] response"
                + " regulator n=1 Tax=Desulfuromonas sp. CSMB_57 TaxID=2807629 RepID=UPI001CD804F7");
        assertThat(rows.get(1).sequence()).isEqualTo(TestData.RESPONSE_REGULATOR);
        assertThat(rows).allSatisfy(row -> assertThat(TestData.alignedLength(row.sequence()))
                .isEqualTo(TestData.RESPONSE_REGULATOR.length()));
        assertThat(rows.stream().filter(r -> r.sequence().chars().anyMatch(Character::isLowerCase))).isNotEmpty();
        assertThat(result.tool()).isEqualTo("jackhmmer");
        assertThat(result.database()).isEqualTo("uniref90");
        assertThat(result.cpuSeconds()).isGreaterThan(0);
        assertThat(result.wallSeconds()).isGreaterThan(0);
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void rowLimitCountsTheQuery() {
        DatabaseSpec database = DatabaseSpec.of("uniref90", UNIREF90);
        String full = jackhmmer(Duration.ofMinutes(5))
                .search(request(TestData.RESPONSE_REGULATOR, database, 10_000)).a3m();
        SearchResult limited = jackhmmer(Duration.ofMinutes(5))
                .search(request(TestData.RESPONSE_REGULATOR, database, 4));
        assertThat(limited.rowsKept()).isEqualTo(4);
        assertThat(limited.hits()).isEqualTo(10);
        assertThat(A3m.parse(limited.a3m())).isEqualTo(A3m.parse(full).subList(0, 4));
    }

    @Test
    void queryWithoutHitsGivesTheQueryRowOnly() {
        SearchResult result = jackhmmer(Duration.ofMinutes(5))
                .search(request(TestData.PROTEIN_5TGY, DatabaseSpec.of("uniref90", UNIREF90), 10_000));
        assertThat(result.a3m()).isEqualTo(">query \n" + TestData.PROTEIN_5TGY + "\n");
        assertThat(result.hits()).isZero();
        assertThat(result.rowsKept()).isEqualTo(1);
    }

    @Test
    void shardedSearchMergesToTheUnshardedHits() throws IOException {
        List<String> records = fastaRecords(UNIREF90);
        Path prefix = temp.resolve("shards").resolve("uniref90.fasta");
        Files.createDirectories(prefix.getParent());
        for (int shard = 0; shard < 3; shard++) {
            StringBuilder text = new StringBuilder();
            for (int i = shard; i < records.size(); i += 3) {
                text.append(records.get(i));
            }
            Files.writeString(Path.of(String.format("%s-%05d-of-00003", prefix, shard)), text);
        }
        double z = records.size();
        DatabaseSpec sharded = DatabaseSpec.of("uniref90", prefix + "@3", z);
        DatabaseSpec whole = DatabaseSpec.of("uniref90", UNIREF90.toString(), z);

        Jackhmmer search = new Jackhmmer(BINARIES, new ToolRunner(), Duration.ofMinutes(5), temp.resolve("work"));
        Files.createDirectories(temp.resolve("work"));
        SearchResult merged = search.search(request(TestData.RESPONSE_REGULATOR, sharded, 10_000));
        SearchResult reference = search.search(request(TestData.RESPONSE_REGULATOR, whole, 10_000));

        assertThat(merged.a3m()).startsWith(">query\n" + TestData.RESPONSE_REGULATOR + "\n>").doesNotEndWith("\n");
        List<FastaRecord> mergedRows = A3m.parse(merged.a3m());
        List<FastaRecord> referenceRows = A3m.parse(reference.a3m());
        assertThat(mergedRows.subList(1, mergedRows.size())).isEqualTo(referenceRows.subList(1, referenceRows.size()));
        assertThat(merged.hits()).isEqualTo(reference.hits()).isEqualTo(10);

        SearchResult truncated = search.search(request(TestData.RESPONSE_REGULATOR, sharded, 5));
        assertThat(A3m.parse(truncated.a3m())).isEqualTo(mergedRows.subList(0, 5));
        assertThat(truncated.hits()).isEqualTo(10);
        assertThat(temp.resolve("work")).isEmptyDirectory();
    }

    @Test
    void missingDatabaseFailsBeforeRunning() {
        DatabaseSpec missing = DatabaseSpec.of("uniref90", temp.resolve("nope.fasta"));
        assertThatThrownBy(() -> jackhmmer(Duration.ofMinutes(1)).search(request("ACDE", missing, 10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Database uniref90 (" + temp.resolve("nope.fasta")
                        + "): file " + temp.resolve("nope.fasta") + " does not exist or is not a regular file");
    }

    @Test
    void corruptDatabaseGivesToolExceptionWithStderr() throws IOException {
        Path corrupt = Files.createDirectories(temp.resolve("db")).resolve("corrupt.fasta");
        Files.writeString(corrupt, "this is not a FASTA file\n\u0001\u0002\n");
        ToolException e = catchThrowableOfType(ToolException.class, () -> jackhmmer(Duration.ofMinutes(1))
                .search(request("ACDEFGHIK", DatabaseSpec.of("uniref90", corrupt), 10)));
        assertThat(e.getMessage()).isEqualTo("jackhmmer (corrupt.fasta) failed with exit code 1: Error: Target"
                + " sequence database file " + corrupt + " is empty or misformatted");
        assertThat(e.stderrTail()).contains("misformatted");
        assertThat(e.label()).isEqualTo("jackhmmer (corrupt.fasta)");
    }

    @Test
    void slowSearchIsKilledAtTheTimeout() {
        ToolException e = catchThrowableOfType(ToolException.class, () -> jackhmmer(Duration.ofMillis(1))
                .search(request(TestData.RESPONSE_REGULATOR, DatabaseSpec.of("uniref90", UNIREF90), 10)));
        assertThat(e.isTimeout()).isTrue();
        assertThat(e.getMessage()).startsWith("jackhmmer (uniref90__subsampled_1000.fasta) timed out after");
    }

    private static List<String> fastaRecords(Path file) throws IOException {
        List<String> records = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file)) {
            StringBuilder current = null;
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith(">")) {
                    if (current != null) {
                        records.add(current.toString());
                    }
                    current = new StringBuilder();
                }
                if (current != null) {
                    current.append(line).append('\n');
                }
            }
            if (current != null) {
                records.add(current.toString());
            }
        }
        return records;
    }
}
