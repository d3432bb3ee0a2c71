-- The report's plays per day (UTC), in total and by subscription level at the time of the play: sums only,
-- which its charts add up to weeks or months. Days without plays are not listed.
SELECT CAST(start_time AS DATE) AS day,
       COUNT(*) AS plays,
       COUNT(CASE WHEN level = 'free' THEN 1 END) AS free_plays,
       COUNT(CASE WHEN level = 'paid' THEN 1 END) AS paid_plays
FROM songplays
WHERE start_time >= ${from} AND start_time < ${to}
GROUP BY CAST(start_time AS DATE)
ORDER BY day
LIMIT ${limit};
