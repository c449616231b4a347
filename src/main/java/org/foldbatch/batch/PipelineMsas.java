package org.foldbatch.batch;

import java.util.function.Function;

import org.foldbatch.input.ProteinChain;
import org.foldbatch.msa.MoleculeType;
import org.foldbatch.msa.Msa;
import org.foldbatch.msa.SearchRequest;
import org.foldbatch.msa.SearchResult;

/** The unpaired MSA a protein chain's template profile is built from, as AlphaFold 3 chooses it. */
final class PipelineMsas {

    private PipelineMsas() {
    }

    /**
     * The merged, deduplicated unpaired MSA of the gene search when the input left the MSAs unset; otherwise the
     * user's unpaired MSA ("" meaning the query alone).
     */
    static String unpairedProfile(ProteinChain chain, DataPipelineResources resources,
            Function<SearchRequest, SearchResult> cachedSearches) {
        String seq = chain.oneLetterSequence();
        if (chain.unpairedMsa() == null && chain.pairedMsa() == null) {
            return resources.chainSearch().search(seq, MoleculeType.PROTEIN, cachedSearches).unpairedA3m();
        }
        return Msa.fromA3m(seq, MoleculeType.PROTEIN, chain.unpairedMsa() == null ? "" : chain.unpairedMsa(), false)
                .toA3m();
    }
}
