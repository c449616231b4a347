DELETE FROM fb_sample_result
WHERE input_hash = ? AND seed = ?
  AND job_execution_id IN (SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?)
