-- As sql/common/merge_users.sql, with an aggregate instead of a window: each user's latest event by
-- (ts, session_id, item_in_session, source_file, source_record) gives names and level. ${fresh} is 1 when
-- staging holds only this run's rows, so every staged user is a changed one.
DELETE FROM users WHERE user_id IN (SELECT user_id FROM etl_changed_users);

INSERT INTO users (user_id, first_name, last_name, gender, level)
SELECT user_id, latest.first_name, latest.last_name, latest.gender, latest.level
FROM (
    SELECT CAST(user_id AS BIGINT) AS user_id,
           arg_max(struct_pack(first_name, last_name, gender, level),
                   struct_pack(ts, session_id, item_in_session, source_file, source_record)) AS latest
    FROM staging_events
    WHERE user_id <> ''
      AND (${fresh} = 1 OR CAST(user_id AS BIGINT) IN (SELECT user_id FROM etl_changed_users))
    GROUP BY 1
) per_user;
