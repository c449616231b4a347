package org.foldbatch.model;

/**
 * Memory knobs of the trunk that do not change the numbers: AlphaFold 3's {@code pair_transition_shard_spec} (rows of
 * the pair transition per shard) and {@code pair_attention_chunk_size} (rows of triangle attention per chunk).
 */
public record TrunkOptions(ShardSpec pairTransitionShardSpec, ShardSpec pairAttentionChunkSpec) {

    /** AlphaFold 3's defaults: transition unsharded up to 2048 tokens then 1024 rows; attention 128 rows up to 1536 then 32. */
    public static TrunkOptions alphaFoldDefaults() {
        return new TrunkOptions(ShardSpec.of(2048, null, null, 1024), ShardSpec.of(1536, 128, null, 32));
    }

    public static TrunkOptions unchunked() {
        return new TrunkOptions(ShardSpec.NONE, ShardSpec.NONE);
    }
}
