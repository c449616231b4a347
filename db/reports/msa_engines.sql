-- Stored MSAs per engine and database: how many searches, what they found and the CPU time they took.
SELECT engine, database_name, COUNT(*) AS searches, SUM(hits) AS hits, ROUND(AVG(rows_kept), 1) AS avg_rows,
       ROUND(CAST(SUM(cpu_seconds) AS NUMERIC), 1) AS cpu_seconds,
       ROUND(CAST(SUM(cpu_seconds) / COUNT(*) AS NUMERIC), 2) AS cpu_seconds_per_search
FROM fb_report_msa_search
GROUP BY engine, database_name
ORDER BY engine, database_name;
