-- Plays and distinct users per hour of the day (UTC), every hour listed, 0 to 23.
WITH plays AS (
    SELECT * FROM songplays WHERE start_time >= ${from} AND start_time < ${to}
),
-- Counted per user first: a distinct count over every play costs more.
listens AS (
    SELECT CAST(EXTRACT(hour FROM start_time) AS INTEGER) AS hour, user_id, COUNT(*) AS listen_plays
    FROM plays
    GROUP BY CAST(EXTRACT(hour FROM start_time) AS INTEGER), user_id
)
SELECT h.hour, COALESCE(c.plays, 0) AS plays, COALESCE(c.users, 0) AS users
FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15), (16),
             (17), (18), (19), (20), (21), (22), (23)) AS h (hour)
LEFT JOIN (
    SELECT hour, CAST(SUM(listen_plays) AS BIGINT) AS plays, COUNT(user_id) AS users
    FROM listens
    GROUP BY hour
) c ON c.hour = h.hour
ORDER BY h.hour
LIMIT ${limit};
