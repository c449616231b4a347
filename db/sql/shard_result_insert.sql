INSERT INTO fb_shard_result (
    cache_key, shard_index, a3m_zstd, a3m_sha256, a3m_bytes, tblout_zstd, tblout_sha256, tblout_bytes, hits,
    cpu_seconds, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
