SELECT id, campaign_name, triggered_by, scheduled_for, started_at, ended_at, status, job_execution_id, message
FROM fb_campaign_run
WHERE CAST(:campaign AS VARCHAR(256)) IS NULL OR campaign_name = :campaign
ORDER BY id DESC
FETCH FIRST 100 ROWS ONLY
