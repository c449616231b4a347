package org.foldbatch.batch.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.foldbatch.input.Template;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class JdbcTemplateCacheTests {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void templatesComeBackInOrderWithTheirIndices(String vendor) {
        JdbcTemplate jdbc = TestDatabases.migrated(vendor, dir);
        JdbcTemplateCache cache = new JdbcTemplateCache(jdbc, new CacheLookupLog(jdbc));
        List<Template> templates = List.of(new Template("data_1ABC\n#\n", List.of(0, 1, 3), List.of(4, 5, 6)),
                new Template("data_2DEF\n_entry.id 2DEF\n", List.of(2), List.of(0)));
        cache.save(new JdbcTemplateCache.Entry("t1", "seq", templates, 17, 1.25, 2.5));

        JdbcTemplateCache.Entry found = cache.find("t1", 3L).orElseThrow();

        assertThat(found.templates()).isEqualTo(templates);
        assertThat(found.hitsFound()).isEqualTo(17);
        assertThat(cache.find("missing", 3L)).isEmpty();
        assertThat(jdbc.queryForList("SELECT outcome FROM fb_cache_lookup ORDER BY id", String.class))
                .containsExactly("HIT", "MISS");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aDamagedEntryIsDroppedAndReportedAsCorrupt(String vendor) {
        JdbcTemplate jdbc = TestDatabases.migrated(vendor, dir);
        JdbcTemplateCache cache = new JdbcTemplateCache(jdbc, new CacheLookupLog(jdbc));
        cache.save(new JdbcTemplateCache.Entry("t2", "seq", List.of(), 0, 0, 0));
        jdbc.update("UPDATE fb_template_cache SET templates_sha256 = 'x' WHERE cache_key = 't2'");

        assertThat(cache.find("t2", null)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fb_template_cache", Integer.class)).isZero();
        assertThat(jdbc.queryForList("SELECT outcome FROM fb_cache_lookup", String.class)).containsExactly("CORRUPT");
    }
}
