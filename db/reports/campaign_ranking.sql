-- The best 25 candidates of each campaign by ranking score, with ipTM, chain-pair ipTM and where the files are.
-- Add  AND campaign_name = 'rr_ligand_screen'  to see one campaign.
SELECT campaign_name, campaign_rank, candidate_name, status,
       ROUND(CAST(ranking_score AS NUMERIC), 3) AS ranking_score, ROUND(CAST(iptm AS NUMERIC), 3) AS iptm,
       chain_pair_iptm, output_path
FROM fb_report_campaign_ranking
WHERE campaign_rank <= 25
ORDER BY campaign_name, campaign_rank, candidate_name;
