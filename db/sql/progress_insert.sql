INSERT INTO fb_progress (
    step_execution_id, job_execution_id, step_name, phase, done, total, detail, started_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
