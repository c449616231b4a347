package org.foldbatch.pipeline;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.foldbatch.msa.MoleculeType;
import org.foldbatch.msa.SearchRequest;
import org.foldbatch.msa.SearchResult;

/** In-memory stores for running the data pipeline without a database. */
public final class MemoryStores {

    private MemoryStores() {
    }

    /** Search results by cache key; counts re-reads, which only a rebuilt merge makes. */
    public static final class Searches implements SearchCache {
        public final Map<String, SearchResult> rows = new ConcurrentHashMap<>();
        public final AtomicInteger peeks = new AtomicInteger();

        @Override
        public Optional<SearchResult> find(SearchRequest request) {
            return Optional.ofNullable(rows.get(request.cacheKey()));
        }

        @Override
        public Optional<SearchResult> peek(SearchRequest request) {
            peeks.incrementAndGet();
            return Optional.ofNullable(rows.get(request.cacheKey()));
        }

        @Override
        public void store(SearchRequest request, SearchResult result) {
            rows.put(request.cacheKey(), result);
        }
    }

    /** Merged MSAs by merge key. */
    public static final class MergedMsas implements MergedMsaStore {
        public final Map<String, MergedMsa> rows = new ConcurrentHashMap<>();

        @Override
        public Optional<MergedMsa> find(String key) {
            return Optional.ofNullable(rows.get(key));
        }

        @Override
        public void save(String key, MoleculeType type, String sequence, MergedMsa msa) {
            rows.putIfAbsent(key, msa);
        }
    }
}
