package org.foldbatch.msa;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one search per shard on a bounded thread pool, returning results in shard order. */
final class ShardedSearch {

    interface ShardTask<T> {
        T run(Path shard, int index);
    }

    private ShardedSearch() {
    }

    static <T> List<T> runAll(List<Path> shards, Integer maxParallel, ShardTask<T> task) {
        int threads = Math.max(1, maxParallel == null ? shards.size() : Math.min(maxParallel, shards.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hmmer-shard");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < shards.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(shards.get(index), index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while searching shards", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
