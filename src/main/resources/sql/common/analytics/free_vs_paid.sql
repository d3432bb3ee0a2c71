-- Plays and distinct users by subscription level at the time of the play. A user who changed level
-- counts under both levels. plays_pct: share of all plays in percent.
WITH plays AS (
    SELECT * FROM songplays WHERE start_time >= ${from} AND start_time < ${to}
)
SELECT level,
       COUNT(*) AS plays,
       COUNT(DISTINCT user_id) AS users,
       CAST(100.0 * COUNT(*) / (SELECT COUNT(*) FROM plays) AS DECIMAL(5, 2)) AS plays_pct
FROM plays
GROUP BY level
ORDER BY level
LIMIT ${limit};
