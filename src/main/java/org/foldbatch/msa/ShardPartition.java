package org.foldbatch.msa;

import java.util.ArrayList;
import java.util.List;

/**
 * A sharded database searched in groups of shards, each group possibly on another machine: which shards a group
 * holds, the request that searches one shard alone, and the merge of every shard's output, the same merge (and so
 * the same A3M) as {@link ShardedSearch} makes when one process searches all shards.
 */
public final class ShardPartition {

    /**
     * What one shard's search leaves for the merge: its converted A3M and raw {@code --tblout}.
     *
     * @param hits hit rows the tool reported for the shard, before the row limit
     */
    public record ShardResult(String a3m, int hits, String tblout, double cpuSeconds) {
    }

    private ShardPartition() {
    }

    /** The shards of group {@code group} (0-based) of {@code groups}: contiguous, sizes differing by at most one. */
    public static List<Integer> shardsOf(int shardCount, int groups, int group) {
        if (groups < 1 || group < 0 || group >= groups) {
            throw new IllegalArgumentException("shard group " + group + " of " + groups + " does not exist");
        }
        List<Integer> shards = new ArrayList<>();
        for (int i = 0; i < shardCount; i++) {
            if ((long) i * groups / shardCount == group) {
                shards.add(i);
            }
        }
        return shards;
    }

    /** The request for shard {@code index} of a sharded request: same key text, database narrowed to one file. */
    public static SearchRequest shardRequest(SearchRequest request, int index) {
        DatabaseSpec database = request.database();
        if (!database.sharded()) {
            throw new IllegalArgumentException("Database " + database.name() + " (" + database.spec()
                    + ") is not sharded");
        }
        DatabaseSpec one = new DatabaseSpec(database.name(), database.spec(), List.of(database.files().get(index)),
                true, database.zValue());
        return new SearchRequest(request.type(), request.sequence(), one, request.tool(), request.eValue(),
                request.maxSequences(), request.cpus(), 1, request.toolVersion(), request.databaseFingerprint());
    }

    /** Every shard's result (in shard order) merged into the request's result, as AlphaFold 3 merges shards. */
    public static SearchResult merge(SearchRequest request, List<ShardResult> shards) {
        if (shards.size() != request.database().files().size()) {
            throw new IllegalArgumentException("Database " + request.database().name() + ": " + shards.size()
                    + " shard results for " + request.database().files().size() + " shards");
        }
        List<ShardedSearch.ShardRun> runs = shards.stream()
                .map(s -> new ShardedSearch.ShardRun(s.a3m(), s.hits(), s.tblout(), s.cpuSeconds())).toList();
        return ShardedSearch.merge(request, runs, 0);
    }
}
