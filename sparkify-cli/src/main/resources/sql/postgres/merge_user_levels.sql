-- As sql/common/merge_user_levels.sql, for the users of etl_user_scope and their events in etl_user_events
-- (both made by merge_users.sql). A user whose new events all come later continues their current row: it
-- and the new events' moments are made into runs again, so the current row either goes on or ends where
-- the level changes. Any other user's history is rebuilt from all staged events.
DROP TABLE IF EXISTS etl_level_runs;

CREATE TEMP TABLE etl_level_runs AS
SELECT user_id,
       level,
       valid_from,
       LEAD(valid_from) OVER (PARTITION BY user_id ORDER BY valid_from) AS valid_to,
       LEAD(valid_from) OVER (PARTITION BY user_id ORDER BY valid_from) IS NULL AS is_current
FROM (
    SELECT user_id, level, valid_from,
           ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY valid_from) AS position,
           LAG(level) OVER (PARTITION BY user_id ORDER BY valid_from) AS previous_level
    FROM (
        -- the current row of each appending user, as the moment its run began
        SELECT user_id, level, valid_from
        FROM user_levels
        WHERE is_current AND user_id IN (SELECT user_id FROM etl_user_scope WHERE appends)
        UNION ALL
        -- one moment per user and millisecond, at the level of its last event in merge_users' order
        SELECT user_id, level, start_time
        FROM (
            SELECT user_id, level, start_time,
                   ROW_NUMBER() OVER (
                       PARTITION BY user_id, ts
                       ORDER BY session_id DESC, item_in_session DESC, source_file DESC, source_record DESC
                   ) AS pick
            FROM etl_user_events
        ) latest_per_millisecond
        WHERE pick = 1
    ) moments
) changes
WHERE position = 1 OR level IS DISTINCT FROM previous_level;

DELETE FROM user_levels
WHERE user_id IN (SELECT user_id FROM etl_user_scope WHERE NOT appends)
   OR (is_current AND user_id IN (SELECT user_id FROM etl_user_scope WHERE appends));

INSERT INTO user_levels (user_id, level, valid_from, valid_to, is_current)
SELECT user_id, level, valid_from, valid_to, is_current FROM etl_level_runs;

DROP TABLE etl_level_runs;
DROP VIEW etl_user_events;
DROP TABLE etl_user_scope;
