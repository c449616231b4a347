-- The 20 slowest gene-search and template-search partitions (one per unique chain), with their job's input.
SELECT t.step_name, t.job_execution_id, j.label, t.status, ROUND(CAST(t.duration_seconds AS NUMERIC), 1) AS seconds
FROM fb_report_step_timing t
JOIN fb_report_job_status j ON j.job_execution_id = t.job_execution_id
WHERE t.step IN ('geneSearchChain', 'templateSearchChain')
ORDER BY t.duration_seconds DESC
LIMIT 20;
