-- As sql/common/merge_user_levels.sql, for the users of etl_user_scope and their events in etl_user_events
-- (both made by merge_users.sql). A user whose
-- new events all come later continues their current row: it and the new events' moments are made into
-- runs again, so the current row either goes on or ends where the level changes. Any other user's history
-- is rebuilt from all staged events. ${fresh} is 1 when staging holds only this run's rows.
DROP TABLE IF EXISTS etl_level_runs;
DROP TABLE IF EXISTS etl_level_moments;
DROP TABLE IF EXISTS etl_level_codes;

-- The levels in play as small numbers: grouping and ordering by fixed-size values spills to disk under the
-- memory limit, while the same work over the text runs out of memory once there are enough events.
CREATE TEMP TABLE etl_level_codes AS
SELECT level, CAST(row_number() OVER (ORDER BY level) AS INTEGER) AS code
FROM (
    SELECT level FROM etl_user_events WHERE level IS NOT NULL
    UNION
    SELECT level FROM user_levels
    WHERE is_current AND level IS NOT NULL
      AND user_id IN (SELECT user_id FROM etl_user_scope WHERE appends)
) levels;

-- One moment per user and millisecond. Nearly every millisecond's events share one level, which is then
-- the moment's without ordering them; mixed marks the others. A table, not a CTE, so that both uses below
-- read it without grouping the events twice.
CREATE TEMP TABLE etl_level_moments AS
SELECT e.user_id, e.ts, min(c.code) AS code,
       min(c.code) IS DISTINCT FROM max(c.code) OR count(c.code) NOT IN (0, count(*)) AS mixed
FROM etl_user_events e
LEFT JOIN etl_level_codes c ON c.level = e.level
GROUP BY e.user_id, e.ts;

CREATE TEMP TABLE etl_level_runs AS
SELECT runs.user_id,
       c.level,
       runs.valid_from,
       runs.valid_to,
       runs.is_current
FROM (
    SELECT user_id,
           code,
           valid_from,
           LEAD(valid_from) OVER next_row AS valid_to,
           LEAD(valid_from) OVER next_row IS NULL AS is_current
    FROM (
        SELECT user_id, code, valid_from,
               ROW_NUMBER() OVER by_time AS position,
               LAG(code) OVER by_time AS previous_code
        FROM (
            -- the current row of each appending user, as the moment its run began
            SELECT l.user_id, c.code, l.valid_from
            FROM user_levels l
            LEFT JOIN etl_level_codes c ON c.level = l.level
            WHERE l.is_current AND l.user_id IN (SELECT user_id FROM etl_user_scope WHERE appends)
            UNION ALL
            SELECT user_id, code, make_timestamp(ts * 1000)
            FROM etl_level_moments
            WHERE NOT mixed
            UNION ALL
            -- a millisecond of events at different levels: its last event's, in merge_users' order (a path
            -- among the whole key, which is costly, so only these events are ordered)
            SELECT user_id, code, make_timestamp(ts * 1000)
            FROM (
                SELECT e.user_id, c.code, e.ts,
                       ROW_NUMBER() OVER (
                           PARTITION BY e.user_id, e.ts
                           ORDER BY e.session_id DESC, e.item_in_session DESC, e.source_file DESC,
                                    e.source_record DESC
                       ) AS pick
                FROM etl_user_events e
                JOIN (SELECT user_id, ts FROM etl_level_moments WHERE mixed) m
                  ON m.user_id = e.user_id AND m.ts = e.ts
                LEFT JOIN etl_level_codes c ON c.level = e.level
            ) ranked
            WHERE pick = 1
        ) moments
        WINDOW by_time AS (PARTITION BY user_id ORDER BY valid_from)
    ) changes
    WHERE position = 1 OR code IS DISTINCT FROM previous_code
    WINDOW next_row AS (PARTITION BY user_id ORDER BY valid_from)
) runs
LEFT JOIN etl_level_codes c ON c.code = runs.code;

DELETE FROM user_levels
WHERE user_id IN (SELECT user_id FROM etl_user_scope WHERE NOT appends)
   OR (is_current AND user_id IN (SELECT user_id FROM etl_user_scope WHERE appends));

INSERT INTO user_levels (user_id, level, valid_from, valid_to, is_current)
SELECT user_id, level, valid_from, valid_to, is_current FROM etl_level_runs;

DROP TABLE etl_level_runs;
DROP TABLE etl_level_moments;
DROP TABLE etl_level_codes;
DROP VIEW etl_user_events;
DROP TABLE etl_user_scope;
