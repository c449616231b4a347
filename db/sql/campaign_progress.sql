SELECT c.status, COUNT(*) AS candidates,
       SUM(CASE WHEN r.started_at IS NOT NULL AND c.updated_at >= r.started_at THEN 1 ELSE 0 END) AS since_run,
       MAX(r.started_at) AS run_started
FROM fb_campaign_candidate c
LEFT JOIN (SELECT campaign_name, MAX(started_at) AS started_at
           FROM fb_campaign_run
           WHERE campaign_name = ? AND status <> 'SKIPPED'
           GROUP BY campaign_name) r ON r.campaign_name = c.campaign_name
WHERE c.campaign_name = ?
GROUP BY c.status
