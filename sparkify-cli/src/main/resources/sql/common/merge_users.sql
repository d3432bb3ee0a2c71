-- One row per logged-in user seen in any event; names and level come from the user's latest event.
DELETE FROM users WHERE user_id IN (SELECT user_id FROM etl_changed_users);

INSERT INTO users (user_id, first_name, last_name, gender, level)
SELECT user_id, first_name, last_name, gender, level
FROM (
    SELECT CAST(user_id AS BIGINT) AS user_id, first_name, last_name, gender, level,
           ROW_NUMBER() OVER (
               PARTITION BY CAST(user_id AS BIGINT)
               ORDER BY ts DESC, session_id DESC, item_in_session DESC, source_file DESC, source_record DESC
           ) AS pick
    FROM staging_events
    WHERE user_id <> ''
      AND CAST(user_id AS BIGINT) IN (SELECT user_id FROM etl_changed_users)
) ranked
WHERE pick = 1;
