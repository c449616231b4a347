-- Every campaign run, by hand or by the scheduler, including nights skipped because the previous run was still going.
SELECT id, campaign_name, triggered_by, scheduled_for, started_at, ended_at, status, job_execution_id, message
FROM fb_campaign_run
ORDER BY id DESC
LIMIT 50;
