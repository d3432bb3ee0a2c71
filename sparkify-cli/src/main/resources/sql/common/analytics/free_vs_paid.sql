-- Plays and distinct users by subscription level at the time of the play. A user who changed level
-- counts under both levels. plays_pct: share of all plays in percent.
WITH plays AS (
    SELECT * FROM songplays WHERE start_time >= ${from} AND start_time < ${to}
),
-- Counted per user first: a distinct count over every play costs more.
listens AS (
    SELECT level, user_id, COUNT(*) AS listen_plays FROM plays GROUP BY level, user_id
)
SELECT level,
       CAST(SUM(listen_plays) AS BIGINT) AS plays,
       COUNT(user_id) AS users,
       CAST(100.0 * CAST(SUM(listen_plays) AS BIGINT) / (SELECT CAST(SUM(listen_plays) AS BIGINT) FROM listens)
            AS DECIMAL(5, 2)) AS plays_pct
FROM listens
GROUP BY level
ORDER BY level
LIMIT ${limit};
