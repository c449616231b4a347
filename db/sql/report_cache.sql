SELECT cache_name, SUM(lookups) AS lookups, SUM(hits) AS hits, SUM(misses) AS misses, SUM(corrupt) AS corrupt,
       CAST(1.0 * SUM(hits) / SUM(lookups) AS NUMERIC(18, 3)) AS hit_ratio,
       CAST(SUM(cpu_seconds_saved) AS NUMERIC(18, 1)) AS cpu_seconds_saved
FROM fb_report_cache_efficiency
WHERE CAST(:campaign AS VARCHAR(256)) IS NULL
   OR job_execution_id IN (SELECT job_execution_id FROM fb_report_campaign_job WHERE campaign_name = :campaign)
GROUP BY cache_name
ORDER BY cache_name
