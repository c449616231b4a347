package org.foldbatch.pipeline;

import java.util.function.Function;

import org.foldbatch.msa.SearchRequest;
import org.foldbatch.msa.SearchResult;
import org.foldbatch.msa.ToolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The two ways a step obtains single-database search results: searching on a miss, or only reading the cache. */
public final class CachedSearches {

    private static final Logger log = LoggerFactory.getLogger(CachedSearches.class);

    private CachedSearches() {
    }

    /**
     * Served from {@code cache} when possible; otherwise run by {@code tool} and stored, by one process only when
     * several want the same search at once ({@code shared}): the others wait and read what it stored.
     */
    public static Function<SearchRequest, SearchResult> searching(SearchCache cache, SharedWork shared,
            Function<SearchRequest, SearchResult> tool) {
        return request -> cache.find(request).orElseGet(() -> shared.once(request.cacheKey(),
                request.tool().binaryName() + " against " + request.database().name(), () -> cache.peek(request),
                () -> run(cache, tool, request)));
    }

    /** Only what an earlier step stored: steps after the gene search must never start a process. */
    public static Function<SearchRequest, SearchResult> stored(SearchCache cache) {
        return request -> cache.peek(request).orElseThrow(() -> new IllegalStateException("no cached "
                + request.tool().binaryName() + " result against " + request.database().name()
                + " for a chain the gene search step completed; run with --force"));
    }

    private static SearchResult run(SearchCache cache, Function<SearchRequest, SearchResult> tool,
            SearchRequest request) {
        SearchResult result;
        try {
            result = tool.apply(request);
        } catch (ToolException e) {
            log.error("{}; stderr tail:\n{}", e.getMessage(), e.stderrTail());
            throw e;
        }
        cache.store(request, result);
        log.info("{} against {}: {} hits, {} rows kept, {} s wall, {} s CPU", result.tool(), result.database(),
                result.hits(), result.rowsKept(), String.format("%.1f", result.wallSeconds()),
                String.format("%.1f", result.cpuSeconds()));
        return result;
    }
}
