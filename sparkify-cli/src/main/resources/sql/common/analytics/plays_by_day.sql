-- Plays and distinct users per day (UTC), in total and by subscription level at the time of the play.
-- Days without plays are not listed.
WITH plays AS (
    SELECT * FROM songplays WHERE start_time >= ${from} AND start_time < ${to}
)
SELECT CAST(start_time AS DATE) AS day,
       COUNT(*) AS plays,
       COUNT(DISTINCT user_id) AS users,
       COUNT(CASE WHEN level = 'free' THEN 1 END) AS free_plays,
       COUNT(CASE WHEN level = 'paid' THEN 1 END) AS paid_plays,
       COUNT(DISTINCT CASE WHEN level = 'free' THEN user_id END) AS free_users,
       COUNT(DISTINCT CASE WHEN level = 'paid' THEN user_id END) AS paid_users
FROM plays
GROUP BY CAST(start_time AS DATE)
ORDER BY day
LIMIT ${limit};
