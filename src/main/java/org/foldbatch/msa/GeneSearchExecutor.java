package org.foldbatch.msa;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a {@link SearchRequest} with the real programs: jackhmmer, nhmmer, or MMseqs2 for the databases that opted
 * in (no caching; the caller may wrap it with one).
 */
public final class GeneSearchExecutor implements Function<SearchRequest, SearchResult> {

    private final Jackhmmer jackhmmer;
    private final Nhmmer nhmmer;
    private final Supplier<Mmseqs2> mmseqs;

    /** @param timeout limit of each tool process; @param tempRoot parent of temp dirs, null for the default */
    public GeneSearchExecutor(HmmerBinaries binaries, ToolRunner runner, Duration timeout, Path tempRoot) {
        this(binaries, null, runner, timeout, tempRoot);
    }

    /**
     * @param mmseqs asked for the MMseqs2 searcher when a request needs it (so MMseqs2 is located only then); null
     *               when no database is searched with MMseqs2
     */
    public GeneSearchExecutor(HmmerBinaries binaries, Supplier<Mmseqs2> mmseqs, ToolRunner runner, Duration timeout,
            Path tempRoot) {
        this.jackhmmer = new Jackhmmer(binaries, runner, timeout, tempRoot);
        this.nhmmer = new Nhmmer(binaries, runner, timeout, tempRoot);
        this.mmseqs = mmseqs;
    }

    @Override
    public SearchResult apply(SearchRequest request) {
        return switch (request.tool()) {
            case JACKHMMER -> jackhmmer.search(request);
            case NHMMER -> nhmmer.search(request);
            case MMSEQS2 -> {
                if (mmseqs == null) {
                    throw new IllegalStateException("Database " + request.database().name()
                            + " is searched with MMseqs2, but MMseqs2 was not set up");
                }
                yield mmseqs.get().search(request);
            }
        };
    }

    /**
     * Runs one shard of a sharded database: {@code oneShard} from {@link ShardPartition#shardRequest}. HMMER only:
     * MMseqs2 searches a database through its own whole index, never shard by shard.
     */
    public ShardPartition.ShardResult searchShard(SearchRequest oneShard) {
        ShardedSearch.ShardRun run = switch (oneShard.tool()) {
            case JACKHMMER -> jackhmmer.searchShard(oneShard);
            case NHMMER -> nhmmer.searchShard(oneShard);
            case MMSEQS2 -> throw new IllegalArgumentException("Database " + oneShard.database().name()
                    + " is searched with MMseqs2, which does not search shard groups; set"
                    + " foldbatch.search.shard-groups=1 or search it with jackhmmer");
        };
        return new ShardPartition.ShardResult(run.a3m(), run.hits(), run.tblout(), run.cpuSeconds());
    }
}
