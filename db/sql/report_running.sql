SELECT s.JOB_EXECUTION_ID AS job_execution_id, s.STEP_NAME AS step, s.START_TIME AS started, w.host, w.pid,
       w.heartbeat_at AS heartbeat, p.detail AS progress, p.updated_at AS progress_at
FROM BATCH_STEP_EXECUTION s
LEFT JOIN fb_partition_worker w ON w.step_execution_id = s.STEP_EXECUTION_ID
LEFT JOIN fb_progress p ON p.step_execution_id = s.STEP_EXECUTION_ID
WHERE s.STATUS = 'STARTED'
  AND (CAST(:campaign AS VARCHAR(256)) IS NULL
       OR s.JOB_EXECUTION_ID IN (SELECT job_execution_id FROM fb_report_campaign_job WHERE campaign_name = :campaign))
ORDER BY s.START_TIME DESC
