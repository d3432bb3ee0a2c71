-- As sql/common/merge_users.sql, without re-reading the history of a user whose new events all come after
-- the ones loaded before: as sql/duckdb/merge_users.sql does, in PostgreSQL's terms.
--
-- etl_user_scope holds every user this run touches (changed), and those of a warehouse loaded before
-- user_levels existed, whose history only merge_user_levels builds (not changed: their users row stays, as
-- in sql/common). appends is true for a user whose events of this load (${load_id}) all come after every
-- earlier event of theirs, when no file is reloaded and the user has a current level row that began before
-- them: then the latest event and the level history only grow at the end. Any other user is rebuilt from
-- all staged events. ${fresh} is 1 when staging holds only this run's rows.
DROP VIEW IF EXISTS etl_user_events;
DROP TABLE IF EXISTS etl_user_scope;

CREATE TEMP TABLE etl_user_scope AS
WITH touched AS (
    SELECT user_id, bool_or(changed) AS changed
    FROM (
        SELECT user_id, TRUE AS changed FROM etl_changed_users
        UNION ALL
        SELECT user_id, FALSE FROM users u
        WHERE NOT EXISTS (SELECT 1 FROM user_levels l WHERE l.user_id = u.user_id)
    ) ids
    GROUP BY user_id
),
arrived AS (
    SELECT CAST(user_id AS BIGINT) AS user_id, min(ts) AS first_ts
    FROM staging_events
    WHERE ${fresh} = 0 AND load_id = ${load_id} AND user_id <> ''
    GROUP BY 1
)
SELECT t.user_id,
       t.changed,
       COALESCE(a.first_ts IS NOT NULL
           -- no earlier event at or after this load's first: an index range scan of staging_events_user_time
           AND NOT EXISTS (SELECT 1 FROM staging_events s
                           WHERE CAST(s.user_id AS BIGINT) = a.user_id AND s.user_id <> ''
                             AND s.ts >= a.first_ts AND s.load_id <> ${load_id})
           AND NOT EXISTS (SELECT 1 FROM etl_reload_files)
           -- the current row began before this load: so it stands for earlier events that are still
           -- staged, unless the ledger was emptied by hand and the same events come again
           AND EXISTS (SELECT 1 FROM user_levels l
                       WHERE l.user_id = t.user_id AND l.is_current
                         AND l.valid_from < TIMESTAMP '1970-01-01' + (a.first_ts / 86400000) * INTERVAL '1 day'
                                            + (a.first_ts % 86400000) * INTERVAL '1 millisecond'),
           FALSE) AS appends
FROM touched t
LEFT JOIN arrived a ON a.user_id = t.user_id;

ANALYZE etl_user_scope;

-- The staged events of the users of etl_user_scope that this merge and merge_user_levels.sql read: only
-- this load's of an appending user, and all of any other user. changed marks the users whose users row is
-- rebuilt.
CREATE TEMP VIEW etl_user_events AS
SELECT CAST(s.user_id AS BIGINT) AS user_id, s.first_name, s.last_name, s.gender, s.level, s.ts, s.start_time,
       s.session_id, s.item_in_session, s.source_file, s.source_record, u.changed
FROM staging_events_timed s
JOIN etl_user_scope u ON u.user_id = CAST(s.user_id AS BIGINT) AND NOT u.appends
WHERE s.user_id <> ''
UNION ALL
SELECT CAST(s.user_id AS BIGINT), s.first_name, s.last_name, s.gender, s.level, s.ts, s.start_time,
       s.session_id, s.item_in_session, s.source_file, s.source_record, TRUE
FROM staging_events_timed s
JOIN etl_user_scope u ON u.user_id = CAST(s.user_id AS BIGINT) AND u.appends
WHERE s.load_id = ${load_id} AND s.user_id <> '';

DELETE FROM users WHERE user_id IN (SELECT user_id FROM etl_user_scope WHERE changed);

-- Each user's latest event by (ts, session_id, item_in_session, source_file, source_record).
INSERT INTO users (user_id, first_name, last_name, gender, level)
SELECT user_id, first_name, last_name, gender, level
FROM (
    SELECT user_id, first_name, last_name, gender, level,
           ROW_NUMBER() OVER (
               PARTITION BY user_id
               ORDER BY ts DESC, session_id DESC, item_in_session DESC, source_file DESC, source_record DESC
           ) AS pick
    FROM etl_user_events
    WHERE changed
) ranked
WHERE pick = 1;
