INSERT INTO fb_campaign_run (campaign_name, plan_hash, triggered_by, scheduled_for, started_at, ended_at, status, host,
    pid, message)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
