SELECT SUBSTRING(sequence_sha256, 1, 12) AS sequence, molecule_type, database_name, engine, hits, rows_kept,
       CAST(cpu_seconds AS NUMERIC(18, 1)) AS cpu_seconds, CAST(wall_seconds AS NUMERIC(18, 1)) AS wall_seconds
FROM fb_report_msa_search
WHERE CAST(:campaign AS VARCHAR(256)) IS NULL
   OR cache_key IN (SELECT l.cache_key FROM fb_cache_lookup l
                    WHERE l.cache_name = 'msa' AND l.job_execution_id IN
                          (SELECT job_execution_id FROM fb_report_campaign_job WHERE campaign_name = :campaign))
ORDER BY created_at, sequence_sha256, database_name, engine
