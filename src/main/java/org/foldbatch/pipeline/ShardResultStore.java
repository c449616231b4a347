package org.foldbatch.pipeline;

import java.util.Optional;

import org.foldbatch.msa.ShardPartition.ShardResult;

/** Each shard's search output, by the whole search's {@code SearchRequest#cacheKey()} and the shard's index. */
public interface ShardResultStore {

    Optional<ShardResult> find(String cacheKey, int shard);

    /** Stores a shard's output in its own transaction: another partition may merge it before this one ends. */
    void store(String cacheKey, int shard, ShardResult result);
}
