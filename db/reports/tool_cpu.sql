-- CPU time really spent per tool and database (cache hits start no process and are not here), by day.
SELECT CAST(finished_at AS DATE) AS day, tool, database_name, COUNT(*) AS runs,
       ROUND(CAST(SUM(cpu_seconds) AS NUMERIC), 1) AS cpu_seconds, ROUND(CAST(SUM(wall_seconds) AS NUMERIC), 1) AS wall_seconds
FROM fb_tool_run
GROUP BY CAST(finished_at AS DATE), tool, database_name
ORDER BY day DESC, cpu_seconds DESC;
