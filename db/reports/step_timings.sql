-- Time per step across all jobs: how many ran, mean / median / 95th percentile / max seconds.
SELECT step, COUNT(*) AS executions,
       ROUND(CAST(AVG(duration_seconds) AS NUMERIC), 2) AS mean_s,
       ROUND(CAST(PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY duration_seconds) AS NUMERIC), 2) AS median_s,
       ROUND(CAST(PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY duration_seconds) AS NUMERIC), 2) AS p95_s,
       ROUND(CAST(MAX(duration_seconds) AS NUMERIC), 2) AS max_s
FROM fb_report_step_timing
WHERE status = 'COMPLETED'
GROUP BY step
ORDER BY SUM(duration_seconds) DESC;
