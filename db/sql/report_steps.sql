SELECT step, COUNT(*) AS executions,
       SUM(CASE WHEN status = 'COMPLETED' THEN 1 ELSE 0 END) AS completed,
       CAST(SUM(duration_seconds) AS NUMERIC(18, 2)) AS total_seconds,
       CAST(AVG(duration_seconds) AS NUMERIC(18, 3)) AS mean_seconds,
       CAST(MAX(duration_seconds) AS NUMERIC(18, 3)) AS max_seconds
FROM fb_report_step_timing
WHERE CAST(:campaign AS VARCHAR(256)) IS NULL
   OR job_execution_id IN (SELECT job_execution_id FROM fb_report_campaign_job WHERE campaign_name = :campaign)
GROUP BY step
ORDER BY SUM(duration_seconds) DESC
