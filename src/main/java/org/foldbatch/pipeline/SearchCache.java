package org.foldbatch.pipeline;

import java.util.Optional;

import org.foldbatch.msa.SearchRequest;
import org.foldbatch.msa.SearchResult;

/** Stored results of single-database searches, by {@link SearchRequest#cacheKey()}. */
public interface SearchCache {

    /** A lookup made before searching; implementations may count it as a hit or a miss. */
    Optional<SearchResult> find(SearchRequest request);

    /** Re-reads a result an earlier step stored; not a lookup in the hit statistics. */
    Optional<SearchResult> peek(SearchRequest request);

    /** Stores the result of a search that really ran. */
    void store(SearchRequest request, SearchResult result);
}
