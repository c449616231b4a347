INSERT INTO fb_campaign_candidate (input_hash, fold_name, stages, tokens, status, reason, job_execution_id, output_dir,
    updated_at, campaign_name, candidate_name)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
