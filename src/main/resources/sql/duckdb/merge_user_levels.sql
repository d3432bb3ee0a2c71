-- As sql/common/merge_user_levels.sql, with an aggregate where it has its first window: one level per user
-- and millisecond, that of the millisecond's last event in merge_users' order (a NULL level included).
INSERT INTO etl_changed_users
SELECT user_id FROM users u WHERE NOT EXISTS (SELECT 1 FROM user_levels l WHERE l.user_id = u.user_id);

DELETE FROM user_levels WHERE user_id IN (SELECT user_id FROM etl_changed_users);

INSERT INTO user_levels (user_id, level, valid_from, valid_to, is_current)
SELECT user_id,
       level,
       make_timestamp(ts * 1000),
       make_timestamp(LEAD(ts) OVER next_row * 1000),
       LEAD(ts) OVER next_row IS NULL
FROM (
    SELECT user_id, ts, level,
           ROW_NUMBER() OVER by_time AS position,
           LAG(level) OVER by_time AS previous_level
    FROM (
        SELECT CAST(user_id AS BIGINT) AS user_id,
               ts,
               arg_max_null(level, struct_pack(session_id, item_in_session, source_file, source_record)) AS level
        FROM staging_events
        WHERE user_id <> ''
          AND (${fresh} = 1 OR CAST(user_id AS BIGINT) IN (SELECT user_id FROM etl_changed_users))
        GROUP BY 1, 2
    ) per_millisecond
    WINDOW by_time AS (PARTITION BY user_id ORDER BY ts)
) moments
WHERE position = 1 OR level IS DISTINCT FROM previous_level
WINDOW next_row AS (PARTITION BY user_id ORDER BY ts);
