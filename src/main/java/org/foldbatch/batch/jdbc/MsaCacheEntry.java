package org.foldbatch.batch.jdbc;

/**
 * One cached single-database search: the A3M text plus what it cost to compute, keyed by {@code cacheKey}
 * (sequence, molecule type, tool, tool settings and database fingerprint).
 */
public record MsaCacheEntry(
        String cacheKey,
        String sequenceSha256,
        String moleculeType,
        String tool,
        String databaseName,
        String databaseFingerprint,
        String settings,
        String a3m,
        int hits,
        int rowsKept,
        double cpuSeconds,
        double wallSeconds) {
}
