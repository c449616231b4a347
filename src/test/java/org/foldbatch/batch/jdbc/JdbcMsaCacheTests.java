package org.foldbatch.batch.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.foldbatch.IntegrationTest;
import org.foldbatch.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class JdbcMsaCacheTests {

    @TempDir
    Path dir;

    private static MsaCacheEntry entry(String key, String a3m) {
        return new MsaCacheEntry(key, "seqsha", "PROTEIN", "jackhmmer", "uniref90", "dbfp", "-E 0.0001", a3m, 3, 4,
                1.5, 2.5);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void storesAndReturnsTheA3mWithItsCosts(String vendor) {
        JdbcTemplate jdbc = TestDatabases.migrated(vendor, dir);
        JdbcMsaCache cache = new JdbcMsaCache(jdbc, new CacheLookupLog(jdbc));
        String a3m = ">query\nMKV\n>hit1 desc\nMK-\n".repeat(1000);

        assertThat(cache.find("k1", null)).isEmpty();
        cache.save(entry("k1", a3m));

        MsaCacheEntry found = cache.find("k1", 7L).orElseThrow();
        assertThat(found.a3m()).isEqualTo(a3m);
        assertThat(found.rowsKept()).isEqualTo(4);
        assertThat(found.cpuSeconds()).isEqualTo(1.5);
        assertThat(jdbc.queryForList("SELECT outcome FROM fb_cache_lookup ORDER BY id", String.class))
                .containsExactly("MISS", "HIT");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aDamagedEntryIsDroppedAndReportedAsAMiss(String vendor) {
        JdbcTemplate jdbc = TestDatabases.migrated(vendor, dir);
        JdbcMsaCache cache = new JdbcMsaCache(jdbc, new CacheLookupLog(jdbc));
        cache.save(entry("k2", ">query\nMKV\n"));
        jdbc.update("UPDATE fb_msa_cache SET a3m_zstd = ? WHERE cache_key = 'k2'", (Object) new byte[] {1, 2, 3});

        assertThat(cache.find("k2", null)).isEmpty();
        assertThat(cache.count()).isZero();
        assertThat(jdbc.queryForList("SELECT outcome FROM fb_cache_lookup", String.class)).containsExactly("CORRUPT");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aSecondWriterOfTheSameKeyLeavesOneRow(String vendor) {
        JdbcTemplate jdbc = TestDatabases.migrated(vendor, dir);
        JdbcMsaCache cache = new JdbcMsaCache(jdbc, new CacheLookupLog(jdbc));
        cache.save(entry("k3", ">query\nMKV\n"));
        cache.save(entry("k3", ">query\nMKV\n"));

        assertThat(cache.count()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aTextWhoseChecksumNoLongerMatchesIsDropped(String vendor) {
        JdbcTemplate jdbc = TestDatabases.migrated(vendor, dir);
        JdbcMsaCache cache = new JdbcMsaCache(jdbc, new CacheLookupLog(jdbc));
        cache.save(entry("k4", ">query\nMKV\n"));
        jdbc.update("UPDATE fb_msa_cache SET a3m_sha256 = 'x' WHERE cache_key = 'k4'");

        assertThat(cache.find("k4", null)).isEmpty();
    }
}
