package org.foldbatch.batch.jdbc;

import java.util.Optional;

import org.foldbatch.msa.SearchRequest;
import org.foldbatch.msa.SearchResult;
import org.foldbatch.pipeline.SearchCache;
import org.foldbatch.util.Hashing;

/** The MSA cache as one step sees it: lookups counted against its job execution, real runs logged under its name. */
public final class StepSearchCache implements SearchCache {

    private final JdbcMsaCache cache;
    private final JdbcToolRunLog toolRuns;
    private final Long jobExecutionId;
    private final String stepName;

    public StepSearchCache(JdbcMsaCache cache, JdbcToolRunLog toolRuns, Long jobExecutionId, String stepName) {
        this.cache = cache;
        this.toolRuns = toolRuns;
        this.jobExecutionId = jobExecutionId;
        this.stepName = stepName;
    }

    @Override
    public Optional<SearchResult> find(SearchRequest request) {
        return cache.find(request.cacheKey(), jobExecutionId).map(StepSearchCache::result);
    }

    @Override
    public Optional<SearchResult> peek(SearchRequest request) {
        return cache.peek(request.cacheKey()).map(StepSearchCache::result);
    }

    @Override
    public void store(SearchRequest request, SearchResult result) {
        MsaCacheEntry entry = keep(request, result);
        String key = entry.cacheKey();
        toolRuns.record(jobExecutionId, stepName, new JdbcToolRunLog.ToolRunRecord(key, entry.sequenceSha256(),
                result.tool(), result.database(), result.hits(), result.rowsKept(), result.cpuSeconds(),
                result.wallSeconds()));
    }

    /** Stores a result no tool run of this step made (a merge of stored shards), so no tool run is logged. */
    public MsaCacheEntry keep(SearchRequest request, SearchResult result) {
        MsaCacheEntry entry = new MsaCacheEntry(request.cacheKey(), Hashing.sha256(request.sequence()),
                request.type().name(), result.tool(), result.database(), request.databaseFingerprint(),
                String.join(" ", request.searchFlags()), result.a3m(), result.hits(), result.rowsKept(),
                result.cpuSeconds(), result.wallSeconds());
        cache.save(entry);
        return entry;
    }

    private static SearchResult result(MsaCacheEntry e) {
        return new SearchResult(e.a3m(), e.hits(), e.rowsKept(), e.cpuSeconds(), e.wallSeconds(), e.tool(),
                e.databaseName());
    }
}
