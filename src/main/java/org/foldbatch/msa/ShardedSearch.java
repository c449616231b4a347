package org.foldbatch.msa;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.foldbatch.util.BoundedPool;

/**
 * What jackhmmer and nhmmer searches share: one run in a temporary directory for a single-file database, or one run
 * per shard on a bounded thread pool, merged as AlphaFold 3 merges sharded output.
 */
final class ShardedSearch {

    interface ShardTask<T> {
        T run(Path shard, int index);
    }

    /** One tool run over one database file; {@code tblout} is read only when several shards are merged. */
    interface ShardSearch {
        ShardRun run(SearchRequest request, Path databaseFile, Path dir, boolean withTblout);
    }

    /** @param hits hit rows the tool reported for this file, before the row limit */
    record ShardRun(String a3m, int hits, String tblout, double cpuSeconds) {
    }

    private ShardedSearch() {
    }

    static SearchResult search(SearchRequest request, Path tempRoot, ShardSearch shardSearch) {
        String tool = request.tool().binaryName();
        DatabaseSpec database = request.database().requireFiles();
        long start = System.nanoTime();
        Path tempDir = SearchFiles.createTempDir(tempRoot, tool + "-");
        try {
            if (!database.sharded()) {
                ShardRun run = shardSearch.run(request, database.files().get(0), tempDir, false);
                return new SearchResult(run.a3m(), run.hits(), A3m.parse(run.a3m()).size(), run.cpuSeconds(),
                        seconds(start), tool, database.name());
            }
            List<ShardRun> runs = runAll(database.files(), request.maxParallelShards(),
                    (shard, index) -> shardSearch.run(request, shard, tempDir.resolve("shard-" + index), true));
            return merge(request, runs, seconds(start));
        } finally {
            SearchFiles.deleteRecursively(tempDir);
        }
    }

    /** The shards' runs, in shard order, merged as AlphaFold 3 merges them into one result. */
    static SearchResult merge(SearchRequest request, List<ShardRun> runs, double wallSeconds) {
        List<ShardMerge.ShardOutput> outputs = new ArrayList<>();
        double cpu = 0;
        for (ShardRun run : runs) {
            outputs.add(new ShardMerge.ShardOutput(run.a3m(), run.tblout()));
            cpu += run.cpuSeconds();
        }
        ShardMerge.Merged merged = ShardMerge.merge(request.tool(), request.sequence(), outputs,
                request.maxSequences());
        return new SearchResult(merged.a3m(), merged.hits(), merged.rows(), cpu, wallSeconds,
                request.tool().binaryName(), request.database().name());
    }

    /** One shard alone (the request's database narrowed to it), with its tblout for a later merge. */
    static ShardRun searchOne(SearchRequest request, Path tempRoot, ShardSearch shardSearch) {
        Path tempDir = SearchFiles.createTempDir(tempRoot, request.tool().binaryName() + "-shard-");
        try {
            return shardSearch.run(request, request.database().requireFiles().files().get(0), tempDir, true);
        } finally {
            SearchFiles.deleteRecursively(tempDir);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static <T> List<T> runAll(List<Path> shards, Integer maxParallel, ShardTask<T> task) {
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            int index = i;
            tasks.add(() -> task.run(shards.get(index), index));
        }
        return BoundedPool.runAll("hmmer-shard", "searching shards", maxParallel == null ? shards.size() : maxParallel,
                tasks);
    }
}
