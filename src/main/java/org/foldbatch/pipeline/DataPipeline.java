package org.foldbatch.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.foldbatch.input.Chain;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.RnaChain;
import org.foldbatch.input.Template;
import org.foldbatch.msa.ChainMsaSearch;
import org.foldbatch.msa.ChainMsas;
import org.foldbatch.msa.MoleculeType;
import org.foldbatch.msa.Msa;
import org.foldbatch.msa.SearchRequest;
import org.foldbatch.msa.SearchResult;
import org.foldbatch.util.Hashing;

/**
 * AlphaFold 3's data pipeline over stored results: the gene search of a chain merges its MSAs once and stores them;
 * the template search and the completed input read them back (or, when the store lost them, merge the stored
 * single-database results again without running a tool).
 *
 * @param shared makes a search that other processes want at the same moment run in one of them only
 */
public record DataPipeline(ChainMsaSearch search, SearchCache searches, MergedMsaStore merged, SharedWork shared) {

    public DataPipeline(ChainMsaSearch search, SearchCache searches, MergedMsaStore merged) {
        this(search, searches, merged, SharedWork.alone());
    }

    /** Searches one chain against its databases (cached ones are not run again) and stores the merged MSAs. */
    public ChainMsas searchChain(String sequence, MoleculeType type, Function<SearchRequest, SearchResult> tool) {
        return searchChain(sequence, type, tool, (request, done, total) -> {
        });
    }

    /** Told after each of a chain's searches finishes, from the cache or a tool: {@code done} of {@code total}. */
    public interface SearchDone {
        void finished(SearchRequest request, int done, int total);
    }

    /** As {@link #searchChain(String, MoleculeType, Function)}, telling {@code listener} as each search finishes. */
    public ChainMsas searchChain(String sequence, MoleculeType type, Function<SearchRequest, SearchResult> tool,
            SearchDone listener) {
        List<SearchRequest> requests = search.requests(sequence, type);
        Function<SearchRequest, SearchResult> cached = CachedSearches.searching(searches, shared, tool);
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        ChainMsas msas = search.search(requests, request -> {
            SearchResult result = cached.apply(request);
            listener.finished(request, done.incrementAndGet(), requests.size());
            return result;
        });
        merged.save(mergeKey(requests), type, sequence, new MergedMsa(msas.unpairedA3m(), msas.pairedA3m()));
        return msas;
    }

    /** The merged MSAs the gene search stored; never runs a tool. */
    public MergedMsa mergedMsa(String sequence, MoleculeType type) {
        List<SearchRequest> requests = search.requests(sequence, type);
        String key = mergeKey(requests);
        return merged.find(key).orElseGet(() -> {
            ChainMsas msas = search.search(requests, CachedSearches.stored(searches));
            MergedMsa rebuilt = new MergedMsa(msas.unpairedA3m(), msas.pairedA3m());
            merged.save(key, type, sequence, rebuilt);
            return rebuilt;
        });
    }

    /**
     * The unpaired MSA a protein chain's template profile is built from, as AlphaFold 3 chooses it: the merged
     * search result when the input left the MSAs unset; otherwise the user's unpaired MSA ("" meaning the query).
     */
    public String unpairedProfile(ProteinChain chain) {
        if (chain.unpairedMsa() == null && chain.pairedMsa() == null) {
            return mergedMsa(chain.oneLetterSequence(), MoleculeType.PROTEIN).unpairedA3m();
        }
        return normalised(chain.oneLetterSequence(), MoleculeType.PROTEIN, chain.unpairedMsa());
    }

    /** The input with each chain's pipeline results filled in: what becomes {@code <name>_data.json}. */
    public FoldInput complete(FoldInput input, Function<ProteinChain, List<Template>> templates) {
        List<Chain> chains = new ArrayList<>();
        for (Chain chain : input.chains()) {
            if (chain instanceof ProteinChain p) {
                String seq = p.oneLetterSequence();
                if (p.unpairedMsa() == null && p.pairedMsa() == null) {
                    MergedMsa msa = mergedMsa(seq, MoleculeType.PROTEIN);
                    chains.add(p.withPipelineResults(msa.unpairedA3m(), msa.pairedA3m(), templatesOf(p, templates)));
                } else {
                    chains.add(p.withPipelineResults(normalised(seq, MoleculeType.PROTEIN, p.unpairedMsa()),
                            normalised(seq, MoleculeType.PROTEIN, p.pairedMsa()), templatesOf(p, templates)));
                }
            } else if (chain instanceof RnaChain r) {
                String seq = r.oneLetterSequence();
                chains.add(r.withPipelineResults(r.unpairedMsa() == null
                        ? mergedMsa(seq, MoleculeType.RNA).unpairedA3m()
                        : normalised(seq, MoleculeType.RNA, r.unpairedMsa())));
            } else {
                chains.add(chain);
            }
        }
        return input.withChains(chains);
    }

    /** User-given templates (even none) are kept as they are; only unset ones are searched. */
    private static List<Template> templatesOf(ProteinChain p, Function<ProteinChain, List<Template>> searched) {
        return p.templates() != null ? p.templates() : searched.apply(p);
    }

    /** A given MSA goes through AlphaFold 3's Msa object: null or "" becomes the query-only alignment. */
    private static String normalised(String sequence, MoleculeType type, String a3m) {
        return Msa.fromA3m(sequence, type, a3m == null ? "" : a3m, false).toA3m();
    }

    /** Names the merge of exactly these searches: the same results always merge to the same MSAs. */
    static String mergeKey(List<SearchRequest> requests) {
        StringBuilder text = new StringBuilder("foldbatch-chain-msa-v1");
        requests.forEach(r -> text.append('\n').append(r.cacheKey()));
        return Hashing.sha256(text.toString());
    }
}
