package org.foldbatch.msa;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/** Runs a {@link SearchRequest} with the real HMMER programs (no caching; the caller may wrap it with one). */
public final class HmmerSearchExecutor implements Function<SearchRequest, SearchResult> {

    private final Jackhmmer jackhmmer;
    private final Nhmmer nhmmer;

    /** @param timeout limit of each tool process; @param tempRoot parent of temp dirs, null for the default */
    public HmmerSearchExecutor(HmmerBinaries binaries, ToolRunner runner, Duration timeout, Path tempRoot) {
        this.jackhmmer = new Jackhmmer(binaries, runner, timeout, tempRoot);
        this.nhmmer = new Nhmmer(binaries, runner, timeout, tempRoot);
    }

    @Override
    public SearchResult apply(SearchRequest request) {
        return request.tool() == SearchTool.JACKHMMER ? jackhmmer.search(request) : nhmmer.search(request);
    }

    /** Runs one shard of a sharded database: {@code oneShard} from {@link ShardPartition#shardRequest}. */
    public ShardPartition.ShardResult searchShard(SearchRequest oneShard) {
        ShardedSearch.ShardRun run = oneShard.tool() == SearchTool.JACKHMMER ? jackhmmer.searchShard(oneShard)
                : nhmmer.searchShard(oneShard);
        return new ShardPartition.ShardResult(run.a3m(), run.hits(), run.tblout(), run.cpuSeconds());
    }
}
