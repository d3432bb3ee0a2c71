-- Plays and distinct users per hour of the day (UTC), every hour listed, 0 to 23.
WITH plays AS (
    SELECT * FROM songplays WHERE start_time >= ${from} AND start_time < ${to}
)
SELECT h.hour, COALESCE(c.plays, 0) AS plays, COALESCE(c.users, 0) AS users
FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15), (16),
             (17), (18), (19), (20), (21), (22), (23)) AS h (hour)
LEFT JOIN (
    SELECT CAST(EXTRACT(hour FROM start_time) AS INTEGER) AS hour, COUNT(*) AS plays, COUNT(DISTINCT user_id) AS users
    FROM plays
    GROUP BY CAST(EXTRACT(hour FROM start_time) AS INTEGER)
) c ON c.hour = h.hour
ORDER BY h.hour
LIMIT ${limit};
