package org.foldbatch.msa;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.foldbatch.msa.SequenceDatabase.MergeGroup;

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
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(maxParallel, requests.size()), r -> {
            Thread t = new Thread(r, "gene-search");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SearchResult>> futures = new ArrayList<>();
            for (SearchRequest request : requests) {
                futures.add(pool.submit(() -> executor.apply(request)));
            }
            List<SearchResult> results = new ArrayList<>();
            for (Future<SearchResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running gene searches", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Gene search failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
