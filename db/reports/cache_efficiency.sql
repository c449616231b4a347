-- Cache hits and misses per cache, and the CPU time the hits saved (the searches' recorded CPU seconds).
SELECT cache_name, SUM(lookups) AS lookups, SUM(hits) AS hits, SUM(misses) AS misses, SUM(corrupt) AS corrupt,
       ROUND(100.0 * SUM(hits) / NULLIF(SUM(lookups), 0), 1) AS hit_percent,
       ROUND(CAST(SUM(cpu_seconds_saved) / 3600 AS NUMERIC), 2) AS cpu_hours_saved
FROM fb_report_cache_efficiency
GROUP BY cache_name
ORDER BY cache_name;
