INSERT INTO fb_cache_lookup (job_execution_id, cache_name, cache_key, outcome, saved_cpu_seconds, looked_up_at)
VALUES (?, ?, ?, ?, ?, ?)
