-- The users with the most plays, with their current level (users.level) and how many sessions they played in.
WITH plays AS (
    SELECT * FROM songplays WHERE start_time >= ${from} AND start_time < ${to}
)
SELECT p.user_id,
       u.first_name,
       u.last_name,
       u.level AS current_level,
       COUNT(*) AS plays,
       COUNT(DISTINCT p.session_id) AS sessions
FROM plays p
LEFT JOIN users u ON u.user_id = p.user_id
GROUP BY p.user_id, u.first_name, u.last_name, u.level
ORDER BY plays DESC, p.user_id
LIMIT ${limit};
