package org.foldbatch.msa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.foldbatch.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainMsaSearchTests {

    @TempDir
    Path temp;

    private DatabaseConfig config(int maxParallel) {
        return MiniatureDatabases.config(1, maxParallel);
    }

    private Function<SearchRequest, SearchResult> hmmer() {
        return new GeneSearchExecutor(HmmerBinaries.locate(TestData.HMMER), new ToolRunner(), Duration.ofMinutes(5), temp);
    }

    private static ChainMsas searched(ChainMsaSearch search, String sequence, MoleculeType type,
            Function<SearchRequest, SearchResult> executor) {
        return search.search(search.requests(sequence, type), executor);
    }

    /** Searches with HMMER version "v" and at most {@code maxParallel} searches at once. */
    private ChainMsas searched(int maxParallel, String sequence, MoleculeType type,
            Function<SearchRequest, SearchResult> executor) {
        return searched(new ChainMsaSearch(new GeneSearchPlan(config(maxParallel), "v")), sequence, type, executor);
    }

    @Test
    void planListsAlphaFold3SearchesWithDistinctCacheKeys() {
        GeneSearchPlan plan = new GeneSearchPlan(config(4), "HMMER 3.3.2");
        List<SearchRequest> protein = plan.requests(TestData.RESPONSE_REGULATOR, MoleculeType.PROTEIN);
        assertThat(protein).extracting(r -> r.database().name())
                .containsExactly("uniref90", "mgnify", "small_bfd", "uniprot");
        assertThat(protein).extracting(SearchRequest::maxSequences).containsExactly(10_000, 5_000, 5_000, 50_000);
        assertThat(protein).allSatisfy(r -> assertThat(r.tool()).isEqualTo(SearchTool.JACKHMMER));
        List<SearchRequest> rna = plan.requests(TestData.U6_RNA, MoleculeType.RNA);
        assertThat(rna).extracting(r -> r.database().name()).containsExactly("nt_rna", "rfam", "rnacentral");
        assertThat(rna).allSatisfy(r -> assertThat(r.eValue()).isEqualTo(1e-3));

        List<String> keys = new ArrayList<>();
        protein.forEach(r -> keys.add(r.cacheKey()));
        rna.forEach(r -> keys.add(r.cacheKey()));
        assertThat(new HashSet<>(keys)).hasSize(7);
        assertThat(plan.requests(TestData.RESPONSE_REGULATOR, MoleculeType.PROTEIN).get(0).cacheKey())
                .isEqualTo(keys.get(0));
        assertThat(new GeneSearchPlan(config(4), "HMMER 3.4").requests(TestData.RESPONSE_REGULATOR,
                MoleculeType.PROTEIN).get(0).cacheKey()).isNotEqualTo(keys.get(0));
        assertThat(plan.requests(TestData.PROTEIN_5TGY, MoleculeType.PROTEIN).get(0).cacheKey())
                .isNotEqualTo(keys.get(0));
        assertThat(protein.get(0).cacheKeyText()).contains("flags=--F1 0.0005 --F2 5e-05 --F3 5e-07 -N 1 -E 0.0001"
                + " --incE 0.0001\nmaxSequences=10000");
    }

    @Test
    void cacheKeyFollowsTheDatabaseFingerprintButNotTheCpuCount() throws Exception {
        Path db = temp.resolve("uniref.fasta");
        Files.writeString(db, ">a\nACDE\n");
        Map<SequenceDatabase, DatabaseSpec> protein = new EnumMap<>(SequenceDatabase.class);
        protein.putAll(MiniatureDatabases.specs());
        protein.keySet().removeIf(d -> d.type() == MoleculeType.RNA);
        protein.put(SequenceDatabase.UNIREF90, DatabaseSpec.of("uniref90", db));
        DatabaseConfig one = new DatabaseConfig(protein, 1, 1, 4, null);
        DatabaseConfig eight = new DatabaseConfig(protein, 8, 8, 4, null);
        String key = new GeneSearchPlan(one, "v").requests("ACDE", MoleculeType.PROTEIN).get(0).cacheKey();
        assertThat(new GeneSearchPlan(eight, "v").requests("ACDE", MoleculeType.PROTEIN).get(0).cacheKey())
                .isEqualTo(key);
        GeneSearchPlan plan = new GeneSearchPlan(one, "v");
        assertThat(plan.requests("ACDE", MoleculeType.PROTEIN).get(0).cacheKey()).isEqualTo(key);
        Files.writeString(db, ">a\nACDEF\n");
        assertThat(plan.requests("ACDE", MoleculeType.PROTEIN).get(0).cacheKey()).isNotEqualTo(key);
        assertThatThrownBy(() -> new GeneSearchPlan(one, "v").requests("ACGU", MoleculeType.RNA))
                .hasMessage("No database configured for nt_rna, rfam, rnacentral, needed to search a RNA chain");
    }

    @Test
    @IntegrationTest
    void proteinChainMergesUnpairedInAlphaFold3OrderAndKeepsUniprotPaired() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Function<SearchRequest, SearchResult> hmmer = hmmer();
        Function<SearchRequest, SearchResult> counting = request -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                return hmmer.apply(request);
            } finally {
                running.decrementAndGet();
            }
        };
        ChainMsas msas = searched(2, TestData.RESPONSE_REGULATOR, MoleculeType.PROTEIN, counting);
        assertThat(peak.get()).isBetween(1, 2);
        assertThat(msas.runs()).extracting(SearchResult::database)
                .containsExactly("uniref90", "mgnify", "small_bfd", "uniprot");

        Map<String, List<FastaRecord>> byDb = new ConcurrentHashMap<>();
        msas.runs().forEach(run -> byDb.put(run.database(), A3m.parse(run.a3m())));
        List<FastaRecord> expected = new ArrayList<>();
        expected.add(new FastaRecord("query", TestData.RESPONSE_REGULATOR));
        HashSet<String> seen = new HashSet<>(List.of(TestData.RESPONSE_REGULATOR));
        for (String db : List.of("uniref90", "small_bfd", "mgnify")) {
            for (FastaRecord row : byDb.get(db)) {
                if (seen.add(A3m.withoutInsertions(row.sequence()))) {
                    expected.add(row);
                }
            }
        }
        assertThat(msas.unpairedA3m()).isEqualTo(A3m.format(expected, true));
        List<FastaRecord> unpaired = A3m.parse(msas.unpairedA3m());
        assertThat(unpaired).hasSizeLessThan(1 + 10 + 3 + 3).hasSizeGreaterThan(10);
        assertThat(unpaired.get(unpaired.size() - 1).description()).startsWith("MGYP");
        assertThat(unpaired).noneMatch(r -> r.description().startsWith("UniRef90_UPI001CD804F7/1-130"));

        assertThat(msas.pairedA3m()).isEqualTo(A3m.format(byDb.get("uniprot"), true));
        assertThat(msas.pairedA3m()).startsWith(">query\n" + TestData.RESPONSE_REGULATOR + "\n>tr|");
    }

    @Test
    @IntegrationTest
    void proteinWithoutHitsGetsQueryOnlyMsas() {
        ChainMsas msas = searched(4, TestData.PROTEIN_5TGY, MoleculeType.PROTEIN, hmmer());
        assertThat(msas.unpairedA3m()).isEqualTo(">query\n" + TestData.PROTEIN_5TGY + "\n");
        assertThat(msas.pairedA3m()).isEqualTo(">query\n" + TestData.PROTEIN_5TGY + "\n");
    }

    @Test
    @IntegrationTest
    void rnaChainMergesRfamRnacentralNtRna() {
        ChainMsas msas = searched(3, TestData.U6_RNA, MoleculeType.RNA, hmmer());
        assertThat(msas.pairedA3m()).isNull();
        List<FastaRecord> rows = A3m.parse(msas.unpairedA3m());
        assertThat(msas.unpairedA3m()).startsWith(">query\n" + TestData.U6_RNA + "\n").endsWith("\n");
        assertThat(rows.get(1).description()).startsWith("KB317698.1/876973-877093/1-120 ");
        assertThat(rows.get(rows.size() - 1).description()).startsWith("XR_");
        assertThat(rows.stream().map(r -> A3m.withoutInsertions(r.sequence())).distinct().count())
                .isEqualTo(rows.size());
        int rfamHits = msas.runs().stream().filter(r -> r.database().equals("rfam")).findFirst().orElseThrow().hits();
        assertThat(rows.size()).isGreaterThan(rfamHits);
    }

    @Test
    @IntegrationTest
    void matchesAnIndependentTranscriptionOfAlphaFold3() throws Exception {
        Path golden = Path.of("samples/msa-golden");
        ChainMsaSearch search = new ChainMsaSearch(new GeneSearchPlan(config(4), "v"));
        ChainMsas protein = searched(search, TestData.RESPONSE_REGULATOR, MoleculeType.PROTEIN, hmmer());
        assertThat(protein.unpairedA3m())
                .isEqualTo(Files.readString(golden.resolve("response_regulator.unpaired.a3m")));
        assertThat(protein.pairedA3m())
                .isEqualTo(Files.readString(golden.resolve("response_regulator.paired.a3m")));
        ChainMsas noHits = searched(search, TestData.PROTEIN_5TGY, MoleculeType.PROTEIN, hmmer());
        assertThat(noHits.unpairedA3m()).isEqualTo(Files.readString(golden.resolve("5tgy.unpaired.a3m")));
        assertThat(noHits.pairedA3m()).isEqualTo(Files.readString(golden.resolve("5tgy.paired.a3m")));
        ChainMsas rna = searched(search, TestData.U6_RNA, MoleculeType.RNA, hmmer());
        assertThat(rna.unpairedA3m()).isEqualTo(Files.readString(golden.resolve("u6_rna.unpaired.a3m")));
    }

    @Test
    void allEmptyResultsFallBackToTheOriginalQuery() {
        Function<SearchRequest, SearchResult> empty = request -> new SearchResult("", 0, 0, 0, 0,
                request.tool().binaryName(), request.database().name());
        ChainMsas msas = searched(1, "ACGU", MoleculeType.RNA, empty);
        assertThat(msas.unpairedA3m()).isEqualTo(">Original query\nACGU\n");
        assertThat(msas.runs()).hasSize(3);
    }

    @Test
    void searchFailureSurfacesTheToolException() {
        Function<SearchRequest, SearchResult> failing = request -> {
            throw ToolException.failed("jackhmmer (x.fa)", 1, "", "Error: boom\n");
        };
        assertThatThrownBy(() -> searched(4, "ACDE", MoleculeType.PROTEIN, failing))
                .isInstanceOf(ToolException.class).hasMessage("jackhmmer (x.fa) failed with exit code 1: Error: boom");
    }
}
