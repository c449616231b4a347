package org.foldbatch.batch;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The fold job's partitions: one per unique chain to search (the context holds the key only; the sequence is read
 * back from the stored input) or one per model seed, so a restart redoes only the chains or seeds not finished.
 */
final class Partitions {

    static final String CHAIN_TYPE = "chain.type";
    static final String CHAIN_SHA256 = "chain.sha256";
    static final String SEED = "seed";
    static final String SHARD_GROUP = "shard.group";
    static final String SHARD_GROUPS = "shard.groups";
    private static final String SEED_PREFIX = "seed-";

    private Partitions() {
    }

    static Partitioner byChain(Collection<ChainKey> keys) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (ChainKey key : keys) {
            ExecutionContext context = new ExecutionContext();
            context.putString(CHAIN_TYPE, key.type().name());
            context.putString(CHAIN_SHA256, key.sequenceSha256());
            partitions.put(key.partitionName(), context);
        }
        return gridSize -> partitions;
    }

    /**
     * One partition per chain and shard group: {@code groups} gives each chain's number of groups (1: the chain's
     * usual single partition, which searches every shard itself).
     */
    static Partitioner byChainAndShardGroup(Collection<ChainKey> keys, ToIntFunction<ChainKey> groups) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (ChainKey key : keys) {
            int n = groups.applyAsInt(key);
            for (int group = 0; group < n; group++) {
                ExecutionContext context = new ExecutionContext();
                context.putString(CHAIN_TYPE, key.type().name());
                context.putString(CHAIN_SHA256, key.sequenceSha256());
                String name = key.partitionName();
                if (n > 1) {
                    context.putInt(SHARD_GROUP, group);
                    context.putInt(SHARD_GROUPS, n);
                    name += "-shards-" + (group + 1) + "of" + n;
                }
                partitions.put(name, context);
            }
        }
        return gridSize -> partitions;
    }

    static Partitioner bySeed(Collection<Long> seeds) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (long seed : seeds) {
            ExecutionContext context = new ExecutionContext();
            context.putLong(SEED, seed);
            partitions.put(SEED_PREFIX + seed, context);
        }
        return gridSize -> partitions;
    }

    /** The seed of the partition {@link #bySeed} named {@code name}. */
    static long seedOf(String name) {
        if (!name.startsWith(SEED_PREFIX)) {
            throw new IllegalStateException("partition " + name + " is not named after a seed");
        }
        return Long.parseLong(name.substring(SEED_PREFIX.length()));
    }
}
