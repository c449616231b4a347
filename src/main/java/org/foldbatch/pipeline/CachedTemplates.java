package org.foldbatch.pipeline;

import java.util.List;

import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.Template;
import org.foldbatch.template.TemplateHit;
import org.foldbatch.template.TemplateSearch;
import org.foldbatch.template.TemplateSearchConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A protein chain's templates through the template cache: searched (hmmbuild + hmmsearch) on a miss, or read only.
 *
 * @param shared makes a template search other processes want at the same moment run in one of them only
 */
public record CachedTemplates(TemplateSearchConfig config, TemplateCache cache, SharedWork shared) {

    private static final Logger log = LoggerFactory.getLogger(CachedTemplates.class);

    public CachedTemplates(TemplateSearchConfig config, TemplateCache cache) {
        this(config, cache, SharedWork.alone());
    }

    /**
     * The chain's templates from the cache, or searched with {@code profileA3m} and stored; {@code watch} is told
     * what runs on a miss.
     */
    public List<Template> searched(ProteinChain chain, String profileA3m, TemplateSearch.Watch watch) {
        String seq = chain.oneLetterSequence();
        String key = config.cacheKey(seq, profileA3m);
        return cache.find(key).orElseGet(() -> shared.once(key, "template search of chain " + chain.id(),
                () -> cache.peek(key), () -> {
            TemplateSearch.Result result = new TemplateSearch(config).searchWithReport(seq, profileA3m, watch);
            result.skipped().forEach(s -> log.info("template {} skipped: {}", s.hit(), s.reason()));
            List<Template> templates = result.hits().stream().map(CachedTemplates::toTemplate).toList();
            cache.store(key, seq, templates, result);
            log.info("template search: {} hits, {} templates kept ({})", result.hitsFound(), templates.size(),
                    String.join(", ", result.hits().stream().map(TemplateHit::name).toList()));
            return templates;
        }));
    }

    /** Re-reads templates a completed template-search step stored; never searches. */
    public List<Template> stored(ProteinChain chain, String profileA3m) {
        String key = config.cacheKey(chain.oneLetterSequence(), profileA3m);
        return cache.peek(key).orElseThrow(() -> new IllegalStateException("no cached templates for chain "
                + chain.id() + " although the template search completed; run with --force"));
    }

    private static Template toTemplate(TemplateHit hit) {
        return new Template(hit.mmcif(), hit.queryIndices(), hit.templateIndices());
    }
}
