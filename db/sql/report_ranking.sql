SELECT campaign_name, campaign_rank AS rank, candidate_name, status, tokens,
       CAST(ranking_score AS NUMERIC(18, 3)) AS ranking_score, CAST(iptm AS NUMERIC(18, 3)) AS iptm,
       chain_pair_iptm, output_path
FROM fb_report_campaign_ranking
WHERE CAST(:campaign AS VARCHAR(256)) IS NULL OR campaign_name = :campaign
ORDER BY campaign_name, campaign_rank, candidate_name
