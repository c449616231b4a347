SELECT id, campaign_name, plan_hash, triggered_by, scheduled_for, started_at, ended_at, status, job_execution_id, host,
       pid, message
FROM fb_campaign_run
WHERE campaign_name = ? AND status <> 'SKIPPED'
ORDER BY id DESC
FETCH FIRST 1 ROWS ONLY
