-- Jobs running now (or left STARTED by a crashed process), with the host and pid that runs them.
SELECT s.job_name, s.job_execution_id, s.label, s.start_time,
       ROUND(CAST(s.duration_seconds AS NUMERIC), 0) AS running_seconds, r.host, r.pid
FROM fb_report_job_status s
LEFT JOIN fb_fold_run r ON r.job_execution_id = s.job_execution_id
WHERE s.status IN ('STARTING', 'STARTED', 'STOPPING')
ORDER BY s.start_time;
