-- How long sessions are: sessions (a user's plays with one session_id) by songs played, every bucket listed.
-- avg_minutes: from the session's first play to the end of its last song. Only plays in the period count.
WITH plays AS (
    SELECT * FROM songplays WHERE start_time >= ${from} AND start_time < ${to}
),
sessions AS (
    SELECT user_id,
           session_id,
           COUNT(*) AS songs,
           MAX(EXTRACT(epoch FROM start_time) + COALESCE(song_length, 0)) - MIN(EXTRACT(epoch FROM start_time))
               AS seconds
    FROM plays
    GROUP BY user_id, session_id
)
SELECT b.label AS songs_in_session,
       COUNT(s.songs) AS sessions,
       CAST(COALESCE(SUM(s.songs), 0) AS BIGINT) AS plays,
       CAST(AVG(s.seconds) / 60 AS DECIMAL(10, 1)) AS avg_minutes
FROM (VALUES (1, 1, '1'), (2, 4, '2-4'), (5, 9, '5-9'), (10, 19, '10-19'), (20, 49, '20-49'), (50, 99, '50-99'),
             (100, 2147483647, '100+')) AS b (low, high, label)
LEFT JOIN sessions s ON s.songs BETWEEN b.low AND b.high
GROUP BY b.low, b.label
ORDER BY b.low
LIMIT ${limit};
