package org.foldbatch.msa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.foldbatch.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@IntegrationTest
class NhmmerTests {

    private static final HmmerBinaries BINARIES = HmmerBinaries.locate(TestData.HMMER);
    private static final Path RFAM = TestData.database("rfam_14_4_clustered_rep_seq__subsampled_1000.fasta");

    @TempDir
    Path temp;

    private Nhmmer nhmmer() {
        return new Nhmmer(BINARIES, new ToolRunner(), Duration.ofMinutes(5), temp);
    }

    private static SearchRequest request(String sequence, DatabaseSpec database, int maxSequences) {
        return new SearchRequest(MoleculeType.RNA, sequence, database, SearchTool.NHMMER, 1e-3, maxSequences, 2,
                null, "test", "fp");
    }

    @Test
    void commandLineFlagsFollowAlphaFold3() {
        DatabaseSpec rfam = DatabaseSpec.of("rfam", RFAM);
        assertThat(request(TestData.U6_RNA, rfam, 10).searchFlags())
                .containsExactly("-E", "0.001", "--rna", "--F3", "1e-05");
        DatabaseSpec withZ = DatabaseSpec.of("rfam", RFAM.toString(), 2.5);
        assertThat(request("ACGUACGU", withZ, 10).searchFlags())
                .containsExactly("-E", "0.001", "-Z", "2.5", "--rna", "--F3", "0.02");
    }

    @Test
    void realignsHitsToTheQueryWidth() {
        SearchResult result = nhmmer().search(request(TestData.U6_RNA, DatabaseSpec.of("rfam", RFAM), 10_000));
        List<FastaRecord> rows = A3m.parse(result.a3m());
        assertThat(result.a3m()).startsWith(">query\n" + TestData.U6_RNA + "\n>").doesNotEndWith("\n");
        assertThat(result.hits()).isEqualTo(8);
        assertThat(result.rowsKept()).isEqualTo(9).isEqualTo(rows.size());
        assertThat(rows.get(1).description())
                .isEqualTo("KB317698.1/876973-877093/1-120 [subseq from] Rhizoctonia solani AG-1 IA unplaced genomic"
                        + " scaffold scaffold3, whole genome shotgun sequence.");
        assertThat(rows).allSatisfy(row -> assertThat(TestData.alignedLength(row.sequence()))
                .isEqualTo(TestData.U6_RNA.length()));
        assertThat(rows).allSatisfy(row -> assertThat(row.sequence()).doesNotContain(".").doesNotContain("T"));
        assertThat(result.a3m()).doesNotContain("\n\n");
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void rowLimitLeavesRoomForTheQuery() {
        SearchResult result = nhmmer().search(request(TestData.U6_RNA, DatabaseSpec.of("rfam", RFAM), 4));
        assertThat(result.rowsKept()).isEqualTo(4);
        assertThat(result.hits()).isEqualTo(8);
    }

    @Test
    void noHitsGivesTheBareQuery() {
        SearchResult result = nhmmer().search(request("ACGUACGUACGUACGUACGUACGUACGUACGUACGU",
                DatabaseSpec.of("rfam", RFAM), 10_000));
        assertThat(result.a3m()).isEqualTo(">query\nACGUACGUACGUACGUACGUACGUACGUACGUACGU");
        assertThat(result.hits()).isZero();
    }

    @Test
    void shardedSearchMergesToTheUnshardedHits() throws IOException {
        List<String> records = new ArrayList<>();
        for (FastaRecord record : A3m.parse(Files.readString(RFAM))) {
            records.add(">" + record.description() + "\n" + record.sequence() + "\n");
        }
        Path prefix = Files.createDirectories(temp.resolve("shards")).resolve("rfam.fasta");
        for (int shard = 0; shard < 3; shard++) {
            StringBuilder text = new StringBuilder();
            for (int i = shard; i < records.size(); i += 3) {
                text.append(records.get(i));
            }
            Files.writeString(Path.of(String.format("%s-%05d-of-00003", prefix, shard)), text);
        }
        double megabases = 0.5;
        Nhmmer search = new Nhmmer(BINARIES, new ToolRunner(), Duration.ofMinutes(5),
                Files.createDirectories(temp.resolve("work")));
        SearchResult merged = search.search(request(TestData.U6_RNA,
                DatabaseSpec.of("rfam", prefix + "@3", megabases), 10_000));
        SearchResult reference = search.search(request(TestData.U6_RNA,
                DatabaseSpec.of("rfam", RFAM.toString(), megabases), 10_000));
        assertThat(merged.hits()).isEqualTo(reference.hits()).isGreaterThan(3);
        assertThat(sortedHits(merged)).isEqualTo(sortedHits(reference));
        List<FastaRecord> mergedRows = A3m.parse(merged.a3m());
        List<FastaRecord> referenceRows = A3m.parse(reference.a3m());
        assertThat(mergedRows).isEqualTo(referenceRows);
        assertThat(A3m.parse(merged.a3m()).get(0)).isEqualTo(new FastaRecord("query", TestData.U6_RNA));
        assertThat(temp.resolve("work")).isEmptyDirectory();
    }

    /** Hit names in merge order, for a readable failure message before the full row comparison. */
    private static List<String> sortedHits(SearchResult result) {
        List<String> names = new ArrayList<>();
        for (FastaRecord record : A3m.parse(result.a3m())) {
            names.add(record.description().split(" ")[0]);
        }
        return names.subList(1, names.size());
    }
}
