SELECT r.seed, r.sample, r.ranking_score
FROM fb_sample_result r
JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = r.job_execution_id
WHERE e.JOB_INSTANCE_ID = ? AND r.input_hash = ?
ORDER BY r.seed, r.sample
