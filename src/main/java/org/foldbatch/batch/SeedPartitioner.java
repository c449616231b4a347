package org.foldbatch.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** One partition per model seed, so a restart redoes only the seeds without finished results. */
final class SeedPartitioner implements Partitioner {

    static final String SEED = "seed";

    private final List<Long> seeds;

    SeedPartitioner(List<Long> seeds) {
        this.seeds = seeds;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (long seed : seeds) {
            ExecutionContext ctx = new ExecutionContext();
            ctx.putLong(SEED, seed);
            partitions.put("seed-" + seed, ctx);
        }
        return partitions;
    }
}
