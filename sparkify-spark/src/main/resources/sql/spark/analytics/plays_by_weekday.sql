-- Plays and distinct users per ISO weekday (UTC; 1 = Monday ... 7 = Sunday), every weekday listed.
-- days: how many dates of that weekday had plays, to compare weekdays that occur unequally often.
WITH plays AS (
    SELECT * FROM songplays WHERE start_time >= ${from} AND start_time < ${to}
)
SELECT w.weekday, w.day_name, COALESCE(c.plays, 0) AS plays, COALESCE(c.users, 0) AS users,
       COALESCE(c.days, 0) AS days
FROM (VALUES (1, 'Monday'), (2, 'Tuesday'), (3, 'Wednesday'), (4, 'Thursday'), (5, 'Friday'), (6, 'Saturday'),
             (7, 'Sunday')) AS w (weekday, day_name)
LEFT JOIN (
    SELECT CAST(EXTRACT(DAYOFWEEK_ISO FROM start_time) AS INTEGER) AS weekday,
           COUNT(*) AS plays,
           COUNT(DISTINCT user_id) AS users,
           COUNT(DISTINCT CAST(start_time AS DATE)) AS days
    FROM plays
    GROUP BY CAST(EXTRACT(DAYOFWEEK_ISO FROM start_time) AS INTEGER)
) c ON c.weekday = w.weekday
ORDER BY w.weekday
LIMIT ${limit};
