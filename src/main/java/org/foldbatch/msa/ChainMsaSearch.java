package org.foldbatch.msa;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.foldbatch.msa.SequenceDatabase.MergeGroup;
import org.foldbatch.util.BoundedPool;

/** Runs a chain's database searches in parallel and merges them into its unpaired and paired MSAs. */
public final class ChainMsaSearch {

    private final GeneSearchPlan plan;

    public ChainMsaSearch(GeneSearchPlan plan) {
        this.plan = plan;
    }

    /** The chain's requests in submission order; see {@link GeneSearchPlan#requests}. */
    public List<SearchRequest> requests(String sequence, MoleculeType type) {
        return plan.requests(sequence, type);
    }

    /**
     * Runs the requests of one chain through {@code executor} (which may serve results from a cache), at most
     * {@code maxParallelSearches} at once, then merges as AlphaFold 3 does.
     */
    public ChainMsas search(List<SearchRequest> requests, Function<SearchRequest, SearchResult> executor) {
        List<SearchResult> results = runAll(requests, executor, plan.config().maxParallelSearches());
        Map<SequenceDatabase, Msa> byDatabase = new EnumMap<>(SequenceDatabase.class);
        for (int i = 0; i < requests.size(); i++) {
            SearchRequest request = requests.get(i);
            byDatabase.put(SequenceDatabase.ofRole(request.database().name()),
                    Msa.fromA3m(request.sequence(), request.type(), results.get(i).a3m(), false));
        }
        MoleculeType type = requests.get(0).type();
        String unpaired = merge(byDatabase, type, MergeGroup.UNPAIRED, true);
        String paired = merge(byDatabase, type, MergeGroup.PAIRED, false);
        return new ChainMsas(unpaired, paired, results);
    }

    /** One MSA of the chain as AlphaFold 3 merges it; null when the chain type has no MSA of that group. */
    private static String merge(Map<SequenceDatabase, Msa> byDatabase, MoleculeType type, MergeGroup group,
            boolean deduplicate) {
        List<SequenceDatabase> databases = SequenceDatabase.mergedInto(type, group);
        if (databases.isEmpty()) {
            return null;
        }
        return Msa.merge(databases.stream().map(byDatabase::get).toList(), deduplicate).toA3m();
    }

    private static List<SearchResult> runAll(List<SearchRequest> requests,
            Function<SearchRequest, SearchResult> executor, int maxParallel) {
        List<Callable<SearchResult>> tasks = requests.stream()
                .<Callable<SearchResult>>map(request -> () -> executor.apply(request)).toList();
        return BoundedPool.runAll("gene-search", "running gene searches", maxParallel, tasks);
    }
}
