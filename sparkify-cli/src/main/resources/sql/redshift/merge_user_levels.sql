-- As sql/common/merge_user_levels.sql, in SQL Redshift accepts: no IS DISTINCT FROM (a null-safe comparison
-- written out instead), and the cast to BIGINT behind NULLIF, as Redshift may evaluate a WHERE clause in any
-- order. A warehouse loaded before user_levels existed gets the history of every user on its next run.
INSERT INTO etl_changed_users
SELECT u.user_id
FROM users u
LEFT JOIN (SELECT DISTINCT user_id FROM user_levels) l ON l.user_id = u.user_id
WHERE l.user_id IS NULL;

DELETE FROM user_levels WHERE user_id IN (SELECT user_id FROM etl_changed_users);

INSERT INTO user_levels (user_id, level, valid_from, valid_to, is_current)
SELECT user_id,
       level,
       valid_from,
       LEAD(valid_from) OVER (PARTITION BY user_id ORDER BY valid_from) AS valid_to,
       LEAD(valid_from) OVER (PARTITION BY user_id ORDER BY valid_from) IS NULL AS is_current
FROM (
    SELECT user_id, level, start_time AS valid_from,
           ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY start_time) AS position,
           LAG(level) OVER (PARTITION BY user_id ORDER BY start_time) AS previous_level
    FROM (
        SELECT e.user_id, e.level, e.start_time,
               ROW_NUMBER() OVER (
                   PARTITION BY e.user_id, e.ts
                   ORDER BY e.session_id DESC, e.item_in_session DESC, e.source_file DESC, e.source_record DESC
               ) AS pick
        FROM (
            SELECT CAST(NULLIF(user_id, '') AS BIGINT) AS user_id, level, start_time, ts, session_id,
                   item_in_session, source_file, source_record
            FROM staging_events_timed
            WHERE user_id <> ''
        ) e
        WHERE e.user_id IN (SELECT user_id FROM etl_changed_users)
    ) latest_per_millisecond
    WHERE pick = 1
) events
WHERE position = 1
   OR NOT (COALESCE(level = previous_level, FALSE) OR (level IS NULL AND previous_level IS NULL));
