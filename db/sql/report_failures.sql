SELECT kind, campaign_name, job_execution_id, subject, status, happened_at, reason
FROM fb_report_failures
WHERE CAST(:campaign AS VARCHAR(256)) IS NULL
   OR campaign_name = :campaign
   OR job_execution_id IN (SELECT job_execution_id FROM fb_report_campaign_job WHERE campaign_name = :campaign)
ORDER BY happened_at DESC
FETCH FIRST 200 ROWS ONLY
