-- The level history of each user (SCD type 2), rebuilt for the users this run touched, from every staged
-- event of theirs: any page, not only NextSong, so a change within a day is kept. A row is one run of
-- events at the same level, valid from its first event's time until the next row's valid_from
-- (exclusive). The current row has valid_to NULL and is_current true; its level is users.level.
-- Events of the same user and millisecond are ordered as merge_users orders them; the last one counts.
-- A warehouse loaded before user_levels existed gets the history of every user on its next run.
INSERT INTO etl_changed_users
SELECT user_id FROM users u WHERE NOT EXISTS (SELECT 1 FROM user_levels l WHERE l.user_id = u.user_id);

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
        SELECT CAST(user_id AS BIGINT) AS user_id, level, start_time,
               ROW_NUMBER() OVER (
                   PARTITION BY CAST(user_id AS BIGINT), ts
                   ORDER BY session_id DESC, item_in_session DESC, source_file DESC, source_record DESC
               ) AS pick
        FROM staging_events_timed
        WHERE user_id <> ''
          AND CAST(user_id AS BIGINT) IN (SELECT user_id FROM etl_changed_users)
    ) latest_per_millisecond
    WHERE pick = 1
) events
WHERE position = 1 OR level IS DISTINCT FROM previous_level;
