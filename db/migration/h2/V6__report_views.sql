-- Reporting views: what `foldbatch report` prints and what db/reports/*.sql query. Durations are in seconds; a
-- running job or step counts up to now.

-- Which job executions belong to a campaign: its own executions, its candidates' fold jobs and its shared data pipeline.
CREATE VIEW fb_report_campaign_job AS
SELECT p.PARAMETER_VALUE AS campaign_name, p.JOB_EXECUTION_ID AS job_execution_id, 'campaign' AS job_kind
FROM BATCH_JOB_EXECUTION_PARAMS p
WHERE p.PARAMETER_NAME = 'campaign.name'
UNION
SELECT c.campaign_name, p.JOB_EXECUTION_ID, 'fold'
FROM fb_campaign_candidate c
JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.PARAMETER_NAME = 'input.hash' AND p.PARAMETER_VALUE = c.input_hash
UNION
SELECT d.campaign_name, p.JOB_EXECUTION_ID, 'shared'
FROM fb_campaign_definition d
JOIN fb_fold_input f ON f.name = CONCAT(d.campaign_name, '__chains')
JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.PARAMETER_NAME = 'input.hash' AND p.PARAMETER_VALUE = f.input_hash;

-- The latest execution of each job instance (one row per fold job or campaign run), with its duration and outcome.
CREATE VIEW fb_report_job_status AS
SELECT i.JOB_NAME AS job_name,
       i.JOB_INSTANCE_ID AS job_instance_id,
       e.JOB_EXECUTION_ID AS job_execution_id,
       COALESCE(f.name, cn.PARAMETER_VALUE) AS label,
       e.STATUS AS status,
       e.EXIT_CODE AS exit_code,
       e.START_TIME AS start_time,
       e.END_TIME AS end_time,
       DATEDIFF('MILLISECOND', e.START_TIME, COALESCE(e.END_TIME, LOCALTIMESTAMP)) / 1000.0 AS duration_seconds,
       (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION x WHERE x.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID) AS executions,
       e.EXIT_MESSAGE AS exit_message
FROM BATCH_JOB_EXECUTION e
JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
LEFT JOIN BATCH_JOB_EXECUTION_PARAMS hp ON hp.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND hp.PARAMETER_NAME = 'input.hash'
LEFT JOIN fb_fold_input f ON f.input_hash = hp.PARAMETER_VALUE
LEFT JOIN BATCH_JOB_EXECUTION_PARAMS cn ON cn.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND cn.PARAMETER_NAME = 'campaign.name'
WHERE e.JOB_EXECUTION_ID = (SELECT MAX(x.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION x
                            WHERE x.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID);

-- Every step execution with its timing; "step" drops the partition suffix (geneSearchChain:protein-... -> geneSearchChain).
CREATE VIEW fb_report_step_timing AS
SELECT s.JOB_EXECUTION_ID AS job_execution_id,
       s.STEP_EXECUTION_ID AS step_execution_id,
       CASE WHEN POSITION(':' IN s.STEP_NAME) > 0
            THEN SUBSTRING(s.STEP_NAME FROM 1 FOR POSITION(':' IN s.STEP_NAME) - 1)
            ELSE s.STEP_NAME END AS step,
       s.STEP_NAME AS step_name,
       s.STATUS AS status,
       s.START_TIME AS start_time,
       s.END_TIME AS end_time,
       DATEDIFF('MILLISECOND', s.START_TIME, COALESCE(s.END_TIME, LOCALTIMESTAMP)) / 1000.0 AS duration_seconds,
       s.READ_COUNT AS read_count,
       s.WRITE_COUNT AS write_count,
       s.EXIT_CODE AS exit_code
FROM BATCH_STEP_EXECUTION s;

-- Cache lookups per job execution and cache (msa, template): hits, misses and the CPU seconds the hits saved.
CREATE VIEW fb_report_cache_efficiency AS
SELECT l.job_execution_id,
       l.cache_name,
       COUNT(*) AS lookups,
       SUM(CASE WHEN l.outcome = 'HIT' THEN 1 ELSE 0 END) AS hits,
       SUM(CASE WHEN l.outcome = 'MISS' THEN 1 ELSE 0 END) AS misses,
       SUM(CASE WHEN l.outcome = 'CORRUPT' THEN 1 ELSE 0 END) AS corrupt,
       COALESCE(SUM(l.saved_cpu_seconds), 0) AS cpu_seconds_saved
FROM fb_cache_lookup l
GROUP BY l.job_execution_id, l.cache_name;

-- Every candidate of every campaign with its best sample (highest ranking score); candidates without results yet are
-- listed with empty scores, last.
CREATE VIEW fb_report_campaign_ranking AS
SELECT c.campaign_name,
       RANK() OVER (PARTITION BY c.campaign_name ORDER BY best.ranking_score DESC NULLS LAST) AS campaign_rank,
       c.candidate_name,
       c.status,
       c.tokens,
       best.ranking_score,
       best.ptm,
       best.iptm,
       best.chain_pair_iptm,
       best.seed,
       best.sample,
       COALESCE(best.output_path, c.output_dir) AS output_path,
       c.input_hash,
       c.job_execution_id
FROM fb_campaign_candidate c
LEFT JOIN (SELECT r.input_hash, r.seed, r.sample, r.ranking_score, r.ptm, r.iptm, r.chain_pair_iptm, r.output_path,
                  ROW_NUMBER() OVER (PARTITION BY r.input_hash
                                     ORDER BY r.ranking_score DESC NULLS LAST, r.created_at DESC) AS best_first
           FROM fb_sample_result r) best
       ON best.input_hash = c.input_hash AND best.best_first = 1;

-- What went wrong: failed steps (with the first part of their exit message), failed/rejected/routed candidates (with
-- the reason) and failed or skipped campaign runs.
CREATE VIEW fb_report_failures AS
SELECT 'step' AS kind,
       CAST(NULL AS VARCHAR(256)) AS campaign_name,
       s.JOB_EXECUTION_ID AS job_execution_id,
       CONCAT(CONCAT(i.JOB_NAME, ' '), s.STEP_NAME) AS subject,
       s.STATUS AS status,
       COALESCE(s.END_TIME, s.START_TIME) AS happened_at,
       CAST(s.EXIT_MESSAGE AS VARCHAR(4000)) AS reason
FROM BATCH_STEP_EXECUTION s
JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
WHERE s.STATUS IN ('FAILED', 'ABANDONED', 'UNKNOWN')
UNION ALL
SELECT 'candidate', c.campaign_name, c.job_execution_id, c.candidate_name, c.status, c.updated_at, c.reason
FROM fb_campaign_candidate c
WHERE c.status IN ('FAILED', 'REJECTED', 'ROUTED')
UNION ALL
SELECT 'campaign run', r.campaign_name, r.job_execution_id, CONCAT('run ', CAST(r.id AS VARCHAR(32))), r.status,
       COALESCE(r.ended_at, r.started_at), r.message
FROM fb_campaign_run r
WHERE r.status IN ('FAILED', 'SKIPPED');
