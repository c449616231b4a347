package org.foldbatch.batch;

import java.util.function.Function;

import org.foldbatch.batch.jdbc.JdbcMsaCache;
import org.foldbatch.batch.jdbc.JdbcToolRunLog;
import org.foldbatch.batch.jdbc.MsaCacheEntry;
import org.foldbatch.msa.SearchRequest;
import org.foldbatch.msa.SearchResult;
import org.foldbatch.msa.ToolException;
import org.foldbatch.util.Hashing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-database search served from the MSA cache when possible; otherwise run, stored and logged as a tool run.
 * With no delegate it is cache-only: assembling {@code _data.json} after the searches must never start a process.
 */
final class CachedSearchExecutor implements Function<SearchRequest, SearchResult> {

    private static final Logger log = LoggerFactory.getLogger(CachedSearchExecutor.class);

    private final JdbcMsaCache cache;
    private final JdbcToolRunLog toolRuns;
    private final Function<SearchRequest, SearchResult> delegate;
    private final Long jobExecutionId;
    private final String stepName;

    CachedSearchExecutor(JdbcMsaCache cache, JdbcToolRunLog toolRuns, Function<SearchRequest, SearchResult> delegate,
            Long jobExecutionId, String stepName) {
        this.cache = cache;
        this.toolRuns = toolRuns;
        this.delegate = delegate;
        this.jobExecutionId = jobExecutionId;
        this.stepName = stepName;
    }

    @Override
    public SearchResult apply(SearchRequest request) {
        String key = request.cacheKey();
        var cached = delegate == null ? cache.peek(key) : cache.find(key, jobExecutionId);
        if (cached.isPresent()) {
            MsaCacheEntry e = cached.get();
            return new SearchResult(e.a3m(), e.hits(), e.rowsKept(), e.cpuSeconds(), e.wallSeconds(), e.tool(),
                    e.databaseName());
        }
        if (delegate == null) {
            throw new IllegalStateException("no cached " + request.tool().binaryName() + " result against "
                    + request.database().name() + " for a chain the gene search step completed; run with --force");
        }
        SearchResult result;
        try {
            result = delegate.apply(request);
        } catch (ToolException e) {
            log.error("{}; stderr tail:\n{}", e.getMessage(), e.stderrTail());
            throw e;
        }
        MsaCacheEntry entry = new MsaCacheEntry(key, Hashing.sha256(request.sequence()), request.type().name(),
                result.tool(), result.database(), request.databaseFingerprint(),
                String.join(" ", request.searchFlags()), result.a3m(), result.hits(), result.rowsKept(),
                result.cpuSeconds(), result.wallSeconds());
        cache.save(entry);
        toolRuns.record(jobExecutionId, stepName, new JdbcToolRunLog.ToolRunRecord(key, entry.sequenceSha256(),
                result.tool(), result.database(), result.hits(), result.rowsKept(), result.cpuSeconds(),
                result.wallSeconds()));
        log.info("{} against {}: {} hits, {} rows kept, {} s wall, {} s CPU", result.tool(), result.database(),
                result.hits(), result.rowsKept(), String.format("%.1f", result.wallSeconds()),
                String.format("%.1f", result.cpuSeconds()));
        return result;
    }
}
