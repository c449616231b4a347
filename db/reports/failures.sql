-- What failed in the last 7 days: steps (first line of the error), candidates (with the reason) and campaign runs.
SELECT kind, campaign_name, job_execution_id, subject, status, happened_at,
       SPLIT_PART(reason, E'\n', 1) AS reason
FROM fb_report_failures
WHERE happened_at > LOCALTIMESTAMP - INTERVAL '7 days'
ORDER BY happened_at DESC;
