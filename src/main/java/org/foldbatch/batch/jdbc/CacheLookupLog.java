package org.foldbatch.batch.jdbc;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

/** Appends one row per cache lookup, the raw material of the cache-efficiency report. */
public final class CacheLookupLog {

    public enum Outcome { HIT, MISS, CORRUPT }

    private final JdbcTemplate jdbc;

    public CacheLookupLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Long jobExecutionId, String cacheName, String cacheKey, Outcome outcome, Double savedCpuSeconds) {
        jdbc.update(SqlStatements.get("cache_lookup_insert"), jobExecutionId, cacheName, cacheKey, outcome.name(), savedCpuSeconds, Timestamp.from(Instant.now()));
    }
}
