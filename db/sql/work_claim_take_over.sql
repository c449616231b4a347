UPDATE fb_work_claim SET holder = ?, claimed_at = CURRENT_TIMESTAMP, heartbeat_at = CURRENT_TIMESTAMP
WHERE claim_key = ? AND holder = ?
