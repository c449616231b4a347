UPDATE fb_campaign_candidate
SET input_hash = ?, fold_name = ?, stages = ?, tokens = ?, status = ?, reason = ?, job_execution_id = ?, output_dir = ?,
    updated_at = ?
WHERE campaign_name = ? AND candidate_name = ?
