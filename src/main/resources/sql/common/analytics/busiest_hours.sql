-- Plays per hour of day (UTC), busiest first.
SELECT t.hour, COUNT(*) AS plays
FROM songplays sp
JOIN "time" t ON t.start_time = sp.start_time
GROUP BY t.hour
ORDER BY plays DESC, t.hour
LIMIT ${limit};
