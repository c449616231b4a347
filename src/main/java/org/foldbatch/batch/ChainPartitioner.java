package org.foldbatch.batch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** One partition per unique chain to search; the context holds the key only. */
final class ChainPartitioner implements Partitioner {

    static final String TYPE = "chain.type";
    static final String SEQUENCE_SHA256 = "chain.sha256";

    private final java.util.Set<ChainKey> keys;

    ChainPartitioner(java.util.Set<ChainKey> keys) {
        this.keys = keys;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (ChainKey key : keys) {
            ExecutionContext ctx = new ExecutionContext();
            ctx.putString(TYPE, key.type().name());
            ctx.putString(SEQUENCE_SHA256, key.sequenceSha256());
            partitions.put(key.partitionName(), ctx);
        }
        return partitions;
    }
}
