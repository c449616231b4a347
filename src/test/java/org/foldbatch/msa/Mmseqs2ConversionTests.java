package org.foldbatch.msa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** MMseqs2 hits as the pipeline's A3M rows, and what the engine choice does to requests and cache keys. */
class Mmseqs2ConversionTests {

    private static final String QUERY = "ACDEFGHIKL";

    @Test
    void aHitBecomesARowAlignedToTheQueryWithInsertionsInLowerCase() {
        // Query residues 2-8 (CDEFGHI) aligned; the target inserts WY after E and lacks G.
        assertThat(Mmseqs2.alignedRow(QUERY, 2, 8, "CDE--FGHI", "CDEWYF-HI", "t")).isEqualTo("-CDEwyF-HI--");
        assertThat(A3m.withoutInsertions("-CDEwyF-HI--")).hasSize(QUERY.length());
    }

    @Test
    void anAlignmentWhoseQueryRowDisagreesWithItsRangeIsRefused() {
        assertThatThrownBy(() -> Mmseqs2.alignedRow(QUERY, 2, 9, "CDE--FGHI", "CDEWYF-HI", "tr|X|Y_Z"))
                .hasMessageContaining("tr|X|Y_Z").hasMessageContaining("covers 7 query residues");
    }

    @Test
    void rowsAreNamedLikeJackhmmerRowsSoTheUniProtWordSurvives() {
        String tsv = "A0A7V4T793\t4\t109\t2\t8\t1.867E-23\t91\tCDE--FGHI\tCDEWYF-HI\t"
                + "tr|A0A7V4T793|A0A7V4T793_9DELT Sigma-54 regulator OS=Desulfobacterales bacterium OX=2044940\n"
                + "B\t1\t3\t1\t3\t0.01\t20\tACD\tACD\tUniRef90_B\n";
        List<FastaRecord> rows = Mmseqs2.hitRows(QUERY, tsv);
        assertThat(rows).extracting(FastaRecord::description).containsExactly(
                "tr|A0A7V4T793|A0A7V4T793_9DELT/4-109 Sigma-54 regulator OS=Desulfobacterales bacterium OX=2044940",
                "UniRef90_B/1-3");
        assertThat(rows).extracting(FastaRecord::sequence).containsExactly("-CDEwyF-HI--", "ACD-------");
    }

    @Test
    void theQueryComesFirstAndTheRowLimitCountsIt() {
        List<FastaRecord> hits = List.of(new FastaRecord("a/1-10", QUERY), new FastaRecord("b/1-10", QUERY));
        assertThat(A3m.parse(Mmseqs2.a3m(QUERY, hits, 2))).extracting(FastaRecord::description)
                .containsExactly("query", "a/1-10");
        assertThat(Msa.fromA3m(QUERY, MoleculeType.PROTEIN, Mmseqs2.a3m(QUERY, hits, 10), true).depth())
                .as("identical rows deduplicated as any search's").isEqualTo(1);
    }

    @Test
    void jackhmmerCacheKeysReadExactlyAsBeforeMmseqs2Existed() {
        DatabaseSpec uniref = MiniatureDatabases.specs().get(SequenceDatabase.UNIREF90);
        SearchRequest request = new SearchRequest(MoleculeType.PROTEIN, "ACDE", uniref, SearchTool.JACKHMMER, 1e-4,
                10_000, 8, null, "HMMER 3.3.2", "fp");
        assertThat(request.cacheKeyText()).isEqualTo("""
                foldbatch-gene-search-v1
                tool=jackhmmer
                hmmer=HMMER 3.3.2
                type=PROTEIN
                database=uniref90
                databaseFingerprint=fp
                flags=--F1 0.0005 --F2 5e-05 --F3 5e-07 -N 1 -E 0.0001 --incE 0.0001
                maxSequences=10000
                sequence=ACDE""");
    }

    @Test
    void anMmseqs2DatabaseGetsItsOwnKeyWhileTheOthersKeepTheirs() {
        Map<SequenceDatabase, SearchTool> engines = new EnumMap<>(SequenceDatabase.class);
        engines.put(SequenceDatabase.UNIREF90, SearchTool.MMSEQS2);
        DatabaseConfig defaults = MiniatureDatabases.config(1, 2);
        DatabaseConfig mixed = new DatabaseConfig(defaults.databases(), 1, 1, 2, null, engines);
        List<SearchRequest> before = new GeneSearchPlan(defaults, "HMMER 3.3.2").requests(QUERY, MoleculeType.PROTEIN);
        List<SearchRequest> after = new GeneSearchPlan(mixed, "HMMER 3.3.2", "14-7e284")
                .requests(QUERY, MoleculeType.PROTEIN);

        assertThat(after.get(0).tool()).isEqualTo(SearchTool.MMSEQS2);
        assertThat(after.get(0).eValue()).isEqualTo(0.1);
        assertThat(after.get(0).cacheKeyText()).contains("tool=mmseqs2\nmmseqs=14-7e284\n")
                .contains("flags=search --num-iterations 3 -s 8 -e 0.1 --max-seqs 10000 -a convertalis:");
        assertThat(after.get(0).cacheKey()).isNotEqualTo(before.get(0).cacheKey());
        for (int i = 1; i < 4; i++) {
            assertThat(after.get(i).cacheKey()).isEqualTo(before.get(i).cacheKey());
        }
        List<SearchRequest> all = new GeneSearchPlan(defaults.withProteinEngine(SearchTool.MMSEQS2), "HMMER 3.3.2",
                "14").requests(QUERY, MoleculeType.PROTEIN);
        assertThat(all).extracting(SearchRequest::maxSequences, r -> r.tool())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(10_000, SearchTool.MMSEQS2),
                        org.assertj.core.groups.Tuple.tuple(5_000, SearchTool.MMSEQS2),
                        org.assertj.core.groups.Tuple.tuple(5_000, SearchTool.MMSEQS2),
                        org.assertj.core.groups.Tuple.tuple(50_000, SearchTool.MMSEQS2));
        assertThat(String.join(" ", all.get(3).searchFlags())).as("UniProt's row limit can be reached")
                .contains("--max-seqs 50000");
    }

    @Test
    void mmseqs2IsRefusedForRnaDatabasesAndNeedsAVersion() {
        DatabaseConfig defaults = MiniatureDatabases.config(1, 2);
        assertThatThrownBy(() -> new DatabaseConfig(defaults.databases(), 1, 1, 2, null,
                Map.of(SequenceDatabase.RFAM, SearchTool.MMSEQS2)))
                .hasMessage("search.engine.rfam: mmseqs2 cannot search a RNA database (nhmmer only; MMseqs2 searches"
                        + " protein databases)");
        assertThatThrownBy(() -> new GeneSearchPlan(defaults.withProteinEngine(SearchTool.MMSEQS2), "HMMER"))
                .hasMessageContaining("no MMseqs2 version");
        assertThatThrownBy(() -> SearchTool.ofEngine("blast")).hasMessageContaining("unknown search engine 'blast'");
    }
}
