package org.foldbatch.msa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs a chain's database searches in parallel and merges them into its unpaired and paired MSAs. */
public final class ChainMsaSearch {

    private final GeneSearchPlan plan;

    public ChainMsaSearch(GeneSearchPlan plan) {
        this.plan = plan;
    }

    /**
     * Runs every request of the chain through {@code executor} (which may serve results from a cache), at most
     * {@code maxParallelSearches} at once, then merges as AlphaFold 3 does.
     */
    public ChainMsas search(String sequence, MoleculeType type, Function<SearchRequest, SearchResult> executor) {
        List<SearchRequest> requests = plan.requests(sequence, type);
        List<SearchResult> results = runAll(requests, executor, plan.config().maxParallelSearches());
        Map<String, Msa> byRole = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            byRole.put(requests.get(i).database().name(), Msa.fromA3m(sequence, type, results.get(i).a3m(), false));
        }
        if (type == MoleculeType.PROTEIN) {
            Msa unpaired = Msa.merge(List.of(byRole.get(DatabaseConfig.UNIREF90), byRole.get(DatabaseConfig.SMALL_BFD),
                    byRole.get(DatabaseConfig.MGNIFY)), true);
            Msa paired = Msa.merge(List.of(byRole.get(DatabaseConfig.UNIPROT)), false);
            return new ChainMsas(unpaired.toA3m(), paired.toA3m(), results);
        }
        Msa unpaired = Msa.merge(List.of(byRole.get(DatabaseConfig.RFAM), byRole.get(DatabaseConfig.RNA_CENTRAL),
                byRole.get(DatabaseConfig.NT_RNA)), true);
        return new ChainMsas(unpaired.toA3m(), null, results);
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
