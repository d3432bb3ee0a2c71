-- As sql/common/merge_users.sql, with an aggregate instead of a window, and without re-reading the history
-- of a user whose new events all come after the ones loaded before.
--
-- etl_user_scope holds every user this run touches (changed), and those of a warehouse loaded before
-- user_levels existed, whose history only merge_user_levels builds (not changed: their users row stays, as
-- in sql/common). appends is true for a user whose events of this load
-- (${load_id}) all come after every earlier event of theirs, when no file is reloaded and the user has a
-- current level row that began before them: then the latest event and the level history only grow at the
-- end. Any other user is
-- rebuilt from all staged events. ${fresh} is 1 when staging holds only this run's rows.
DROP VIEW IF EXISTS etl_user_events;
DROP TABLE IF EXISTS etl_user_scope;

-- The earliest event of this load, as a constant for the scan below: DuckDB then skips every block of
-- staged events that ends before it (a daily run reads no earlier day's events).
SET VARIABLE sparkify_load_since = (SELECT min(ts) FROM staging_events WHERE load_id = ${load_id} AND user_id <> '');

CREATE TEMP TABLE etl_user_scope AS
WITH touched AS (
    -- changed: this run touched the user's events; the others only need their level history built
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
    WHERE load_id = ${load_id} AND user_id <> ''
    GROUP BY 1
),
-- The latest earlier event of each user, among those not before this load's earliest event: a user with
-- none has all earlier events before all of this load's. Grouped by the text first, so that only the
-- groups are cast, not every staged row.
earlier AS (
    SELECT CAST(user_id AS BIGINT) AS user_id, max(last_ts) AS last_ts
    FROM (
        SELECT user_id, max(ts) AS last_ts
        FROM staging_events
        WHERE ${fresh} = 0 AND load_id <> ${load_id} AND user_id <> ''
          AND ts >= getvariable('sparkify_load_since')
        GROUP BY user_id
    ) by_text
    GROUP BY 1
)
SELECT t.user_id,
       t.changed,
       a.first_ts IS NOT NULL AND (e.last_ts IS NULL OR a.first_ts > e.last_ts)
           AND NOT EXISTS (SELECT 1 FROM etl_reload_files)
           -- the current row began before this load: so it stands for earlier events that are still
           -- staged, unless the ledger was emptied by hand and the same events come again
           AND EXISTS (SELECT 1 FROM user_levels l
                       WHERE l.user_id = t.user_id AND l.is_current
                         AND l.valid_from < make_timestamp(a.first_ts * 1000)) AS appends
FROM touched t
LEFT JOIN arrived a ON a.user_id = t.user_id
LEFT JOIN earlier e ON e.user_id = t.user_id;

-- The staged events of the users of etl_user_scope that this merge and merge_user_levels.sql read: all of
-- them in a fresh load, only this load's of an appending user, and all of any other user. changed marks the
-- users whose users row is rebuilt. A view, not a table: each script streams it from staging_events. The
-- cases are read apart (UNION ALL): as one OR, DuckDB cast every staged row's user_id, while the appending
-- users' events are found among this load's rows only.
CREATE TEMP VIEW etl_user_events AS
SELECT CAST(user_id AS BIGINT) AS user_id, first_name, last_name, gender, level, ts, session_id,
       item_in_session, source_file, source_record, TRUE AS changed
FROM staging_events
WHERE ${fresh} = 1 AND user_id <> ''
UNION ALL
SELECT CAST(user_id AS BIGINT), first_name, last_name, gender, level, ts, session_id,
       item_in_session, source_file, source_record, TRUE
FROM staging_events
WHERE ${fresh} = 0 AND user_id <> ''
  AND CAST(user_id AS BIGINT) IN (SELECT user_id FROM etl_user_scope WHERE changed AND NOT appends)
UNION ALL
SELECT CAST(user_id AS BIGINT), first_name, last_name, gender, level, ts, session_id,
       item_in_session, source_file, source_record, FALSE
FROM staging_events
WHERE ${fresh} = 0 AND user_id <> ''
  AND CAST(user_id AS BIGINT) IN (SELECT user_id FROM etl_user_scope WHERE NOT changed AND NOT appends)
UNION ALL
SELECT CAST(user_id AS BIGINT), first_name, last_name, gender, level, ts, session_id,
       item_in_session, source_file, source_record, TRUE
FROM staging_events
WHERE ${fresh} = 0 AND load_id = ${load_id} AND user_id <> ''
  AND CAST(user_id AS BIGINT) IN (SELECT user_id FROM etl_user_scope WHERE appends);

DELETE FROM users WHERE user_id IN (SELECT user_id FROM etl_user_scope WHERE changed);

-- Each user's latest event by (ts, session_id, item_in_session, source_file, source_record).
INSERT INTO users (user_id, first_name, last_name, gender, level)
SELECT user_id, latest.first_name, latest.last_name, latest.gender, latest.level
FROM (
    SELECT user_id,
           arg_max(struct_pack(first_name, last_name, gender, level),
                   struct_pack(ts, session_id, item_in_session, source_file, source_record)) AS latest
    FROM etl_user_events
    WHERE changed
    GROUP BY user_id
) per_user;
