-- The locations (the user's "City, ST" of the event) with the most plays, and their distinct users.
WITH plays AS (
    SELECT * FROM songplays WHERE start_time >= ${from} AND start_time < ${to}
)
SELECT location, plays, users
FROM (
    SELECT COALESCE(location, '(unknown)') AS location, COUNT(*) AS plays, COUNT(DISTINCT user_id) AS users
    FROM plays
    GROUP BY COALESCE(location, '(unknown)')
) by_location
ORDER BY plays DESC, location
LIMIT ${limit};
