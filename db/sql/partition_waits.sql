SELECT w.job_execution_id, w.step_name, w.reason, w.since
FROM fb_partition_wait w
JOIN BATCH_STEP_EXECUTION s ON s.STEP_EXECUTION_ID = w.step_execution_id
WHERE s.STATUS IN ('STARTING', 'STARTED')
  AND (CAST(? AS BIGINT) IS NULL OR w.job_execution_id = ?)
ORDER BY w.job_execution_id, w.step_execution_id
