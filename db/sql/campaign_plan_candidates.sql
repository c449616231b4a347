SELECT p.ordinal, p.candidate_name, p.input_hash, c.status, c.input_hash AS last_input_hash, c.stages AS last_stages,
       d.stages, c.tokens, c.reason,
       c.job_execution_id, c.output_dir, c.fold_name
FROM fb_campaign_plan p
JOIN fb_campaign_definition d ON d.plan_hash = p.plan_hash
LEFT JOIN fb_campaign_candidate c ON c.campaign_name = d.campaign_name AND c.candidate_name = p.candidate_name
WHERE p.plan_hash = ?
ORDER BY p.ordinal
