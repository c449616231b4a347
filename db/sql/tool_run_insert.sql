INSERT INTO fb_tool_run (
    job_execution_id, step_name, cache_key, sequence_sha256, tool, database_name, hits, rows_kept,
    cpu_seconds, wall_seconds, finished_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
