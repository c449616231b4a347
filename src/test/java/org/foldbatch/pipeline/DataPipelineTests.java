package org.foldbatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputWriter;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.RnaChain;
import org.foldbatch.input.Template;
import org.foldbatch.msa.ChainMsaSearch;
import org.foldbatch.msa.GeneSearchPlan;
import org.foldbatch.msa.MiniatureDatabases;
import org.foldbatch.msa.MoleculeType;
import org.foldbatch.msa.SearchRequest;
import org.foldbatch.msa.SearchResult;
import org.junit.jupiter.api.Test;

/** The data pipeline without Spring or a database: in-memory stores and a recorded search in place of HMMER. */
class DataPipelineTests {

    private static final String PROTEIN = "MKVLAAGIVG";
    private static final String RNA = "GGCUAGCUAA";

    /** What each database "finds": a duplicate of uniref90's row in small BFD, so the merge has one to drop. */
    private static final Map<String, String> HITS = Map.of(
            "uniref90", ">query\nMKVLAAGIVG\n>u1\nMKVLAAGLVG\n",
            "small_bfd", ">query\nMKVLAAGIVG\n>b1\nMKVLAAGLVG\n>b2\nMKILAAGIVG\n",
            "mgnify", ">query\nMKVLAAGIVG\n>m1\nMRVLAAGIVG\n",
            "uniprot", ">query\nMKVLAAGIVG\n>p1\nMKVLAAGIVG\n>p2\nMKVLSAGIVG\n",
            "rfam", ">query\nGGCUAGCUAA\n>r1\nGGCUAGCUAG\n",
            "rnacentral", ">query\nGGCUAGCUAA\n>c1\nGGCUAGCUAG\n>c2\nGGAUAGCUAA\n",
            "nt_rna", ">query\nGGCUAGCUAA\n>n1\nGCCUAGCUAA\n");

    private final List<String> searched = new CopyOnWriteArrayList<>();
    private final MemoryStores.Searches searchCache = new MemoryStores.Searches();
    private final MemoryStores.MergedMsas merged = new MemoryStores.MergedMsas();
    private final ChainMsaSearch chainSearch = new ChainMsaSearch(
            new GeneSearchPlan(MiniatureDatabases.config(1, 2), "HMMER test"));

    private final Function<SearchRequest, SearchResult> recordedTool = request -> {
        searched.add(request.database().name());
        return new SearchResult(HITS.get(request.database().name()), 2, 2, 0.5, 0.5, request.tool().binaryName(),
                request.database().displayName());
    };

    @Test
    void geneSearchMergesOnceAndLaterStepsReadTheStoredMerge() {
        DataPipeline geneSearch = new DataPipeline(chainSearch, searchCache, merged);
        geneSearch.searchChain(PROTEIN, MoleculeType.PROTEIN, recordedTool);
        geneSearch.searchChain(RNA, MoleculeType.RNA, recordedTool);
        assertThat(searched).containsExactlyInAnyOrder("uniref90", "mgnify", "small_bfd", "uniprot", "rfam",
                "rnacentral", "nt_rna");
        assertThat(merged.rows).hasSize(2);

        List<String> profiles = new ArrayList<>();
        FoldInput completed = new DataPipeline(chainSearch, searchCache, merged).complete(input(), chain -> {
            profiles.add(new DataPipeline(chainSearch, searchCache, merged).unpairedProfile(chain));
            return List.of();
        });

        ProteinChain protein = (ProteinChain) completed.chains().get(0);
        assertThat(protein.unpairedMsa()).as("uniref90, small BFD, MGnify; b1 repeats u1")
                .isEqualTo(">query\nMKVLAAGIVG\n>u1\nMKVLAAGLVG\n>b2\nMKILAAGIVG\n>m1\nMRVLAAGIVG\n");
        assertThat(protein.pairedMsa()).as("UniProt as found, not deduplicated")
                .isEqualTo(">query\nMKVLAAGIVG\n>p1\nMKVLAAGIVG\n>p2\nMKVLSAGIVG\n");
        assertThat(protein.templates()).isEmpty();
        assertThat(profiles).containsExactly(protein.unpairedMsa());
        assertThat(((RnaChain) completed.chains().get(1)).unpairedMsa()).as("Rfam, RNAcentral, NT-RNA")
                .isEqualTo(">query\nGGCUAGCUAA\n>r1\nGGCUAGCUAG\n>c2\nGGAUAGCUAA\n>n1\nGCCUAGCUAA\n");
        assertThat(searchCache.peeks).as("every merge was read from the store").hasValue(0);
        assertThat(searched).hasSize(7);

        merged.rows.clear();
        FoldInput rebuilt = new DataPipeline(chainSearch, searchCache, merged).complete(input(), chain -> List.of());
        assertThat(FoldInputWriter.toJson(rebuilt)).isEqualTo(FoldInputWriter.toJson(completed));
        assertThat(searchCache.peeks).as("a lost merge is rebuilt from the cached searches").hasValue(7);
        assertThat(merged.rows).as("and stored again").hasSize(2);
        assertThat(searched).as("without running a search").hasSize(7);
    }

    @Test
    void givenMsasAndTemplatesAreKeptAndNothingIsSearched() {
        ProteinChain given = ProteinChain.of("A", PROTEIN).withPipelineResults("", null,
                List.of(new Template("data_x\n", List.of(0), List.of(0))));
        FoldInput completed = new DataPipeline(chainSearch, searchCache, merged).complete(
                FoldInput.of("given", List.of(1L), List.of(given)), chain -> {
                    throw new AssertionError("templates were given");
                });
        ProteinChain protein = (ProteinChain) completed.chains().get(0);
        assertThat(protein.unpairedMsa()).as("\"\" is the query alone").isEqualTo(">Original query\nMKVLAAGIVG\n");
        assertThat(protein.pairedMsa()).as("so is an unset one next to a given one")
                .isEqualTo(">Original query\nMKVLAAGIVG\n");
        assertThat(protein.templates()).hasSize(1);
        assertThat(searched).isEmpty();
    }

    @Test
    void aStepAfterTheGeneSearchNeverRunsATool() {
        DataPipeline pipeline = new DataPipeline(chainSearch, searchCache, merged);
        assertThatThrownBy(() -> pipeline.mergedMsa(PROTEIN, MoleculeType.PROTEIN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no cached jackhmmer result against uniref90");
        assertThat(searched).isEmpty();
    }

    private static FoldInput input() {
        return FoldInput.of("two chains", List.of(1L), List.of(ProteinChain.of("A", PROTEIN), RnaChain.of("B", RNA)));
    }
}
