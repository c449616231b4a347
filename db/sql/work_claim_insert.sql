INSERT INTO fb_work_claim (claim_key, holder, claimed_at, heartbeat_at)
VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
