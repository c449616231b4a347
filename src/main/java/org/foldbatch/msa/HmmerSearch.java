package org.foldbatch.msa;

import java.nio.file.Path;
import java.time.Duration;

import org.foldbatch.msa.ShardedSearch.ShardRun;

/**
 * What a jackhmmer and an nhmmer search share: the programs and how they are run, and a request searched whole or
 * one shard at a time through {@link ShardedSearch}. Each tool says only how it searches one database file.
 */
abstract sealed class HmmerSearch permits Jackhmmer, Nhmmer {

    private final SearchTool tool;
    final HmmerBinaries binaries;
    final ToolRunner runner;
    final Duration timeout;
    private final Path tempRoot;

    /** @param tempRoot where per-search temporary directories go; null for the system default */
    HmmerSearch(SearchTool tool, HmmerBinaries binaries, ToolRunner runner, Duration timeout, Path tempRoot) {
        this.tool = tool;
        this.binaries = binaries;
        this.runner = runner;
        this.timeout = timeout;
        this.tempRoot = tempRoot;
    }

    public SearchResult search(SearchRequest request) {
        if (request.tool() != tool) {
            throw new IllegalArgumentException("Not a request for " + tool.binaryName() + ": " + request.tool());
        }
        return ShardedSearch.search(request, tempRoot, this::runShard);
    }

    /** One shard of a sharded search, for {@link ShardPartition}. */
    ShardRun searchShard(SearchRequest oneShard) {
        return ShardedSearch.searchOne(oneShard, tempRoot, this::runShard);
    }

    /** One run over one database file in {@code dir}; {@code tblout} is kept only when shards will be merged. */
    abstract ShardRun runShard(SearchRequest request, Path databaseFile, Path dir, boolean withTblout);
}
