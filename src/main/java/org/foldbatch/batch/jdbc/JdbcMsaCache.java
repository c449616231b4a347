package org.foldbatch.batch.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The MSA checkpoint table: zstd-compressed A3M per single-database search, with a SHA-256 of the text so a
 * damaged row is noticed, dropped and recomputed instead of poisoning every later fold.
 */
public final class JdbcMsaCache {

    private static final Logger log = LoggerFactory.getLogger(JdbcMsaCache.class);

    private final JdbcTemplate jdbc;
    private final CacheLookupLog lookups;

    private final NewTransactions writes;

    public JdbcMsaCache(JdbcTemplate jdbc, CacheLookupLog lookups) {
        this(jdbc, lookups, NewTransactions.none());
    }

    public JdbcMsaCache(JdbcTemplate jdbc, CacheLookupLog lookups, NewTransactions writes) {
        this.jdbc = jdbc;
        this.lookups = lookups;
        this.writes = writes;
    }

    /** Returns the entry for {@code cacheKey} if present and intact; a damaged entry is deleted and reported as a miss. */
    public Optional<MsaCacheEntry> find(String cacheKey, Long jobExecutionId) {
        return lookup(cacheKey, jobExecutionId, true);
    }

    /** As {@link #find} but not counted as a lookup: for re-reading results a step already obtained. */
    public Optional<MsaCacheEntry> peek(String cacheKey) {
        return lookup(cacheKey, null, false);
    }

    private Optional<MsaCacheEntry> lookup(String cacheKey, Long jobExecutionId, boolean record) {
        List<MsaCacheEntry> rows = jdbc.query(
                "SELECT * FROM fb_msa_cache WHERE cache_key = ?", (rs, i) -> {
                    String a3m = CompressedText.unpack(rs.getBytes("a3m_zstd"), rs.getLong("a3m_bytes"),
                            rs.getString("a3m_sha256"));
                    return new MsaCacheEntry(rs.getString("cache_key"), rs.getString("sequence_sha256"),
                            rs.getString("molecule_type"), rs.getString("tool"), rs.getString("database_name"),
                            rs.getString("database_fingerprint"), rs.getString("settings"), a3m, rs.getInt("hits"),
                            rs.getInt("rows_kept"), rs.getDouble("cpu_seconds"), rs.getDouble("wall_seconds"));
                }, cacheKey);
        if (rows.isEmpty()) {
            if (record) {
                lookups.record(jobExecutionId, "msa", cacheKey, CacheLookupLog.Outcome.MISS, null);
            }
            return Optional.empty();
        }
        MsaCacheEntry entry = rows.get(0);
        if (entry.a3m() == null) {
            log.warn("MSA cache entry {} ({} against {}) failed its checksum; deleting it and searching again",
                    cacheKey, entry.tool(), entry.databaseName());
            writes.run(() -> jdbc.update("DELETE FROM fb_msa_cache WHERE cache_key = ?", cacheKey));
            lookups.record(jobExecutionId, "msa", cacheKey, CacheLookupLog.Outcome.CORRUPT, null);
            return Optional.empty();
        }
        if (record) {
            lookups.record(jobExecutionId, "msa", cacheKey, CacheLookupLog.Outcome.HIT, entry.cpuSeconds());
        }
        return Optional.of(entry);
    }

    /** Stores an entry; a concurrent writer of the same key wins silently, since both computed the same result. */
    public void save(MsaCacheEntry e) {
        CompressedText packed = CompressedText.pack(e.a3m());
        try {
            writes.run(() -> jdbc.update(SqlStatements.get("msa_cache_insert"), e.cacheKey(), e.sequenceSha256(), e.moleculeType(),
                    e.tool(), e.databaseName(), e.databaseFingerprint(), e.settings(), packed.zstd(), packed.sha256(),
                    packed.bytes(), e.hits(), e.rowsKept(), e.cpuSeconds(), e.wallSeconds(),
                    Timestamp.from(Instant.now())));
        } catch (DuplicateKeyException alreadyStored) {
            log.debug("MSA cache entry {} was stored by another process first", e.cacheKey());
        }
    }

    public int count() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM fb_msa_cache", Integer.class);
        return n == null ? 0 : n;
    }
}
