-- Plays and users by subscription level at the time of the play.
SELECT level, COUNT(*) AS plays, COUNT(DISTINCT user_id) AS users
FROM songplays
GROUP BY level
ORDER BY level
LIMIT ${limit};
