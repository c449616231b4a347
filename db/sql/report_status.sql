SELECT job_name, job_execution_id, label, status, executions, CAST(duration_seconds AS NUMERIC(18, 1)) AS seconds,
       start_time, exit_message
FROM fb_report_job_status
WHERE CAST(:campaign AS VARCHAR(256)) IS NULL
   OR job_execution_id IN (SELECT job_execution_id FROM fb_report_campaign_job WHERE campaign_name = :campaign)
ORDER BY job_execution_id DESC
FETCH FIRST 500 ROWS ONLY
