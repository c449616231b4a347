-- Per campaign: how many candidates are in each state.
SELECT campaign_name,
       COUNT(*) AS candidates,
       SUM(CASE WHEN status = 'COMPLETED' THEN 1 ELSE 0 END) AS completed,
       SUM(CASE WHEN status IN ('PENDING', 'RUNNING') THEN 1 ELSE 0 END) AS to_do,
       SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed,
       SUM(CASE WHEN status IN ('REJECTED', 'ROUTED') THEN 1 ELSE 0 END) AS over_limit,
       MAX(updated_at) AS last_change
FROM fb_campaign_candidate
GROUP BY campaign_name
ORDER BY campaign_name;
