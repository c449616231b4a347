INSERT INTO fb_sample_result (
    job_execution_id, input_hash, seed, sample, ranking_score, ptm, iptm, chain_pair_iptm, output_path, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
