INSERT INTO fb_template_cache (
    cache_key, sequence_sha256, templates_zstd, templates_sha256, templates_bytes, template_count, hits_found,
    cpu_seconds, wall_seconds, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
