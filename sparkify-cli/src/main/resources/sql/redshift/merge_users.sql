-- As sql/common/merge_users.sql. Redshift may evaluate a WHERE clause in any order, so the cast to BIGINT
-- goes through NULLIF and never sees the '' of a logged-out event.
DELETE FROM users WHERE user_id IN (SELECT user_id FROM etl_changed_users);

INSERT INTO users (user_id, first_name, last_name, gender, level)
SELECT user_id, first_name, last_name, gender, level
FROM (
    SELECT e.user_id, e.first_name, e.last_name, e.gender, e.level,
           ROW_NUMBER() OVER (
               PARTITION BY e.user_id
               ORDER BY e.ts DESC, e.session_id DESC, e.item_in_session DESC, e.source_file DESC,
                        e.source_record DESC
           ) AS pick
    FROM (
        SELECT CAST(NULLIF(user_id, '') AS BIGINT) AS user_id, first_name, last_name, gender, level, ts,
               session_id, item_in_session, source_file, source_record
        FROM staging_events
        WHERE user_id <> ''
    ) e
    WHERE e.user_id IN (SELECT user_id FROM etl_changed_users)
) ranked
WHERE pick = 1;
