package org.foldbatch.batch.jdbc;

import java.util.List;
import java.util.Optional;

import org.foldbatch.input.Template;
import org.foldbatch.pipeline.TemplateCache;
import org.foldbatch.template.TemplateDatabase;
import org.foldbatch.template.TemplateSearch;
import org.foldbatch.util.Hashing;

/** The template cache as one step sees it: lookups counted against its job execution, searches logged as tool runs. */
public final class StepTemplateCache implements TemplateCache {

    private final JdbcTemplateCache cache;
    private final JdbcToolRunLog toolRuns;
    private final Long jobExecutionId;
    private final String stepName;

    public StepTemplateCache(JdbcTemplateCache cache, JdbcToolRunLog toolRuns, Long jobExecutionId,
            String stepName) {
        this.cache = cache;
        this.toolRuns = toolRuns;
        this.jobExecutionId = jobExecutionId;
        this.stepName = stepName;
    }

    @Override
    public Optional<List<Template>> find(String key) {
        return cache.find(key, jobExecutionId).map(JdbcTemplateCache.Entry::templates);
    }

    @Override
    public Optional<List<Template>> peek(String key) {
        return cache.peek(key).map(JdbcTemplateCache.Entry::templates);
    }

    @Override
    public void store(String key, String sequence, List<Template> templates, TemplateSearch.Result result) {
        JdbcTemplateCache.Entry entry = new JdbcTemplateCache.Entry(key, Hashing.sha256(sequence), templates,
                result.hitsFound(), result.cpuSeconds(), result.wallSeconds());
        cache.save(entry);
        toolRuns.record(jobExecutionId, stepName, new JdbcToolRunLog.ToolRunRecord(key, entry.sequenceSha256(),
                "hmmsearch", TemplateDatabase.PDB_SEQRES.role(), result.hitsFound(), templates.size(),
                result.cpuSeconds(), result.wallSeconds()));
    }
}
