package org.foldbatch.batch;

import java.util.List;
import java.util.Optional;

import org.foldbatch.batch.jdbc.JdbcTemplateCache;
import org.foldbatch.batch.jdbc.JdbcToolRunLog;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.Template;
import org.foldbatch.template.TemplateHit;
import org.foldbatch.template.TemplateSearch;
import org.foldbatch.template.TemplateSearchConfig;
import org.foldbatch.util.Hashing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chain's templates from the template cache, or searched (hmmbuild + hmmsearch), stored and logged. With a null
 * job execution id it is cache-only, as used when writing {@code _data.json}.
 */
final class CachedTemplateSearch {

    private static final Logger log = LoggerFactory.getLogger(CachedTemplateSearch.class);

    private final DataPipelineResources resources;
    private final JdbcTemplateCache cache;
    private final JdbcToolRunLog toolRuns;
    private final Long jobExecutionId;
    private final String stepName;

    CachedTemplateSearch(DataPipelineResources resources, JdbcTemplateCache cache, JdbcToolRunLog toolRuns,
            Long jobExecutionId, String stepName) {
        this.resources = resources;
        this.cache = cache;
        this.toolRuns = toolRuns;
        this.jobExecutionId = jobExecutionId;
        this.stepName = stepName;
    }

    List<Template> templatesFor(ProteinChain chain, String profileA3m) {
        String seq = chain.oneLetterSequence();
        TemplateSearchConfig config = resources.templateConfig();
        String key = config.cacheKey(seq, profileA3m);
        Optional<JdbcTemplateCache.Entry> cached = cache.find(key, jobExecutionId);
        if (cached.isPresent()) {
            return cached.get().templates();
        }
        TemplateSearch.Result result = new TemplateSearch(config).searchWithReport(seq, profileA3m);
        result.skipped().forEach(s -> log.info("template {} skipped: {}", s.hit(), s.reason()));
        List<Template> templates = result.hits().stream().map(CachedTemplateSearch::toTemplate).toList();
        JdbcTemplateCache.Entry entry = new JdbcTemplateCache.Entry(key, Hashing.sha256(seq), templates,
                result.hitsFound(), result.cpuSeconds(), result.wallSeconds());
        cache.save(entry);
        toolRuns.record(jobExecutionId, stepName, new JdbcToolRunLog.ToolRunRecord(key, entry.sequenceSha256(),
                "hmmsearch", "pdb_seqres", result.hitsFound(), templates.size(), result.cpuSeconds(),
                result.wallSeconds()));
        log.info("template search: {} hits, {} templates kept ({})", result.hitsFound(), templates.size(),
                String.join(", ", result.hits().stream().map(TemplateHit::name).toList()));
        return templates;
    }

    /** Re-reads templates a completed template-search step stored; never searches. */
    List<Template> cachedTemplatesFor(ProteinChain chain, String profileA3m) {
        String key = resources.templateConfig().cacheKey(chain.oneLetterSequence(), profileA3m);
        return cache.peek(key).map(JdbcTemplateCache.Entry::templates).orElseThrow(() -> new IllegalStateException(
                "no cached templates for chain " + chain.id() + " although the template search completed; "
                        + "run with --force"));
    }

    private static Template toTemplate(TemplateHit hit) {
        return new Template(hit.mmcif(), hit.queryIndices(), hit.templateIndices());
    }
}
