package org.foldbatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.foldbatch.msa.ChainMsaSearch;
import org.foldbatch.msa.DatabaseConfig;
import org.foldbatch.msa.DatabaseSpec;
import org.foldbatch.msa.GeneSearchPlan;
import org.foldbatch.msa.MiniatureDatabases;
import org.foldbatch.msa.MoleculeType;
import org.foldbatch.msa.SearchRequest;
import org.foldbatch.msa.SearchResult;
import org.foldbatch.msa.SequenceDatabase;
import org.foldbatch.msa.ShardPartition;
import org.foldbatch.msa.ShardPartition.ShardResult;
import org.junit.jupiter.api.Test;

/** Shard groups without HMMER: which shards each group searches, and when the whole result can be merged. */
class ShardGroupSearchTests {

    private static final String QUERY = "ACDEFGHIK";

    /** In-memory shard rows. */
    static final class Shards implements ShardResultStore {
        final Map<String, ShardResult> rows = new ConcurrentHashMap<>();

        @Override
        public Optional<ShardResult> find(String cacheKey, int shard) {
            return Optional.ofNullable(rows.get(cacheKey + "/" + shard));
        }

        @Override
        public void store(String cacheKey, int shard, ShardResult result) {
            rows.put(cacheKey + "/" + shard, result);
        }
    }

    @Test
    void groupsAreContiguousBlocksCoveringEveryShardOnce() {
        assertThat(ShardPartition.shardsOf(5, 2, 0)).containsExactly(0, 1, 2);
        assertThat(ShardPartition.shardsOf(5, 2, 1)).containsExactly(3, 4);
        assertThat(ShardPartition.shardsOf(3, 3, 2)).containsExactly(2);
        assertThat(ShardPartition.shardsOf(2, 3, 1)).containsExactly(1);
        assertThat(ShardPartition.shardsOf(2, 3, 2)).isEmpty();
    }

    @Test
    void eachGroupSearchesItsShardsAndTheWholeResultIsMergedOnceAllAreStored() {
        Map<SequenceDatabase, DatabaseSpec> specs = new EnumMap<>(MiniatureDatabases.specs());
        specs.put(SequenceDatabase.UNIREF90, DatabaseSpec.of("uniref90",
                Path.of("src/test/resources/msa/memory-shards/db.fasta") + "@3", 3.0));
        ChainMsaSearch chains = new ChainMsaSearch(new GeneSearchPlan(new DatabaseConfig(specs, 1, 1, 4, null), "v"));
        MemoryStores.Searches cache = new MemoryStores.Searches();
        Shards shards = new Shards();
        SearchCache assembled = ShardGroupSearch.assembling(cache, shards, cache::store);
        ShardGroupSearch search = new ShardGroupSearch(chains, assembled, shards);
        List<String> ran = new CopyOnWriteArrayList<>();
        Function<SearchRequest, SearchResult> tool = r -> {
            ran.add(r.database().name());
            return new SearchResult(">query\n" + QUERY, 0, 1, 0, 0, "jackhmmer", r.database().name());
        };
        Function<SearchRequest, ShardResult> shardTool = r -> {
            ran.add(r.database().files().get(0).getFileName().toString());
            return new ShardResult(">query\n" + QUERY, 0, "", 0);
        };
        SearchRequest uniref = chains.requests(QUERY, MoleculeType.PROTEIN).get(0);

        assertThat(search.groupsFor(QUERY, MoleculeType.PROTEIN, 8)).isEqualTo(3);
        assertThat(search.searchGroup(QUERY, MoleculeType.PROTEIN, 1, 2, 4, tool, shardTool)).isEqualTo(1);
        assertThat(ran).containsExactly("db.fasta-00002-of-00003");
        assertThat(assembled.peek(uniref)).as("shards 0 and 1 still missing").isEmpty();

        assertThat(search.searchGroup(QUERY, MoleculeType.PROTEIN, 0, 2, 4, tool, shardTool)).isEqualTo(5);
        assertThat(ran).hasSize(6).contains("db.fasta-00000-of-00003", "db.fasta-00001-of-00003", "mgnify",
                "small_bfd", "uniprot");
        assertThat(assembled.peek(uniref)).get().extracting(SearchResult::a3m).isEqualTo(">query\n" + QUERY);
        assertThat(cache.rows).containsKey(uniref.cacheKey());
        assertThat(search.searchGroup(QUERY, MoleculeType.PROTEIN, 0, 2, 4, tool, shardTool)).as("all stored").isZero();
    }
}
