INSERT INTO fb_msa_cache (
    cache_key, sequence_sha256, molecule_type, tool, database_name, database_fingerprint, settings,
    a3m_zstd, a3m_sha256, a3m_bytes, hits, rows_kept, cpu_seconds, wall_seconds, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
