-- The latest execution of each job (fold jobs and campaign runs), newest first, with how long it took.
-- psql "postgresql://postgres@127.0.0.1:5432/foldbatch" -f db/reports/job_status.sql
SELECT job_name, job_execution_id, label, status, executions,
       ROUND(CAST(duration_seconds AS NUMERIC), 1) AS seconds, start_time,
       SPLIT_PART(exit_message, E'\n', 1) AS exit_message
FROM fb_report_job_status
ORDER BY job_execution_id DESC
LIMIT 50;
