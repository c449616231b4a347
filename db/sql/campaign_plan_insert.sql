INSERT INTO fb_campaign_plan (plan_hash, ordinal, candidate_name, input_hash) VALUES (?, ?, ?, ?)
