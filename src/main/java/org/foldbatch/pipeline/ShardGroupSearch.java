package org.foldbatch.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.foldbatch.msa.ChainMsaSearch;
import org.foldbatch.msa.MoleculeType;
import org.foldbatch.msa.SearchRequest;
import org.foldbatch.msa.SearchResult;
import org.foldbatch.msa.ShardPartition;
import org.foldbatch.msa.ShardPartition.ShardResult;
import org.foldbatch.util.BoundedPool;

/**
 * A chain's gene search split into shard groups, one partition each, so the shards of a sharded database are
 * searched on several workers. Group {@code g} searches its shards of every sharded database and stores each shard's
 * output; group 0 also runs the unsharded databases through the cache. Nothing merges here: once every shard is
 * stored, {@link #assembling} gives the whole database's result, merged as one process merges its shards, and the
 * chain's MSAs are merged from it as from any cached search.
 */
public final class ShardGroupSearch {

    private final ChainMsaSearch search;
    private final SearchCache searches;
    private final ShardResultStore shards;

    public ShardGroupSearch(ChainMsaSearch search, SearchCache searches, ShardResultStore shards) {
        this.search = search;
        this.searches = searches;
        this.shards = shards;
    }

    /** How many shard-group partitions a chain of {@code type} gets: at most one per shard of its largest database. */
    public int groupsFor(String sequence, MoleculeType type, int wanted) {
        int most = 0;
        for (SearchRequest request : search.requests(sequence, type)) {
            if (request.database().sharded()) {
                most = Math.max(most, request.database().files().size());
            }
        }
        return most == 0 ? 1 : Math.min(wanted, most);
    }

    /**
     * Searches group {@code group} of {@code groups}, at most {@code parallel} tool runs at once; returns how many
     * it made. Shards already stored (an earlier attempt) and databases whose whole result is cached are not
     * searched again.
     */
    public int searchGroup(String sequence, MoleculeType type, int group, int groups, int parallel,
            Function<SearchRequest, SearchResult> tool, Function<SearchRequest, ShardResult> shardTool) {
        List<Runnable> runs = new ArrayList<>();
        for (SearchRequest request : search.requests(sequence, type)) {
            if (!request.database().sharded()) {
                if (group == 0 && searches.find(request).isEmpty()) {
                    runs.add(() -> searches.store(request, tool.apply(request)));
                }
                continue;
            }
            if (searches.peek(request).isPresent()) {
                continue;
            }
            String key = request.cacheKey();
            for (int shard : ShardPartition.shardsOf(request.database().files().size(), groups, group)) {
                if (shards.find(key, shard).isEmpty()) {
                    runs.add(() -> shards.store(key, shard,
                            shardTool.apply(ShardPartition.shardRequest(request, shard))));
                }
            }
        }
        BoundedPool.runAll("shard-group-search", "searching a shard group", parallel,
                runs.stream().map(Executors::callable).toList());
        return runs.size();
    }

    /**
     * {@code cache}, where a sharded database's missing result is merged from its stored shards when every shard is
     * there, and handed to {@code keep} to be stored as the whole result (not as a tool run: none ran here).
     */
    public static SearchCache assembling(SearchCache cache, ShardResultStore shards,
            BiConsumer<SearchRequest, SearchResult> keep) {
        return new SearchCache() {
            @Override
            public Optional<SearchResult> find(SearchRequest request) {
                return cache.find(request).or(() -> assemble(request));
            }

            @Override
            public Optional<SearchResult> peek(SearchRequest request) {
                return cache.peek(request).or(() -> assemble(request));
            }

            @Override
            public void store(SearchRequest request, SearchResult result) {
                cache.store(request, result);
            }

            private Optional<SearchResult> assemble(SearchRequest request) {
                if (!request.database().sharded()) {
                    return Optional.empty();
                }
                List<ShardResult> found = new ArrayList<>();
                for (int shard = 0; shard < request.database().files().size(); shard++) {
                    Optional<ShardResult> result = shards.find(request.cacheKey(), shard);
                    if (result.isEmpty()) {
                        return Optional.empty();
                    }
                    found.add(result.get());
                }
                SearchResult merged = ShardPartition.merge(request, found);
                keep.accept(request, merged);
                return Optional.of(merged);
            }
        };
    }
}
