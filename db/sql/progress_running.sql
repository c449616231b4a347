SELECT p.job_execution_id, p.step_name, p.phase, p.done, p.total, p.detail, p.updated_at
FROM fb_progress p
JOIN BATCH_STEP_EXECUTION s ON s.STEP_EXECUTION_ID = p.step_execution_id
WHERE s.STATUS = 'STARTED'
  AND (CAST(? AS BIGINT) IS NULL OR p.job_execution_id = ?)
  AND (CAST(? AS VARCHAR(256)) IS NULL
       OR p.job_execution_id IN (SELECT job_execution_id FROM fb_report_campaign_job WHERE campaign_name = ?))
ORDER BY p.job_execution_id, p.step_execution_id
