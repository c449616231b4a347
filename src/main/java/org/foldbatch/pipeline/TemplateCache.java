package org.foldbatch.pipeline;

import java.util.List;
import java.util.Optional;

import org.foldbatch.input.Template;
import org.foldbatch.template.TemplateSearch;

/** Stored results of template searches, by {@link org.foldbatch.template.TemplateSearchConfig#cacheKey}. */
public interface TemplateCache {

    /** A lookup made before searching; implementations may count it as a hit or a miss. */
    Optional<List<Template>> find(String key);

    /** Re-reads templates an earlier step stored; not a lookup in the hit statistics. */
    Optional<List<Template>> peek(String key);

    /** Stores the kept templates of a search that really ran, with what it found and cost. */
    void store(String key, String sequence, List<Template> templates, TemplateSearch.Result result);
}
