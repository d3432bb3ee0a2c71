-- The checks over the largest tables, as an incremental etl run makes them: only on the rows it touched,
-- the songplays of the keys in etl_changed_plays and their start times. Every other row passed these
-- checks when its run committed and was not written since. A check not named here runs in full, as
-- sql/common/checks.sql has it; `sparkify check`, a first run and --full-refresh run them all in full.

-- check: songplays_key | songplay_id is unique and not null: the md5 of a unique (session_id, item_in_session)
-- The md5 is of the changed key's columns, not the songplay's: a condition on songplays alone may be
-- evaluated on every row before the join (DuckDB did, 244 ms for a run that changed nothing).
SELECT (SELECT COUNT(*) FROM songplays sp
        JOIN etl_changed_plays c ON c.session_id = sp.session_id AND c.item_in_session = sp.item_in_session
        WHERE sp.songplay_id IS NULL
           OR sp.songplay_id <> md5(CAST(c.session_id AS VARCHAR) || ':' || CAST(c.item_in_session AS VARCHAR)))
     + (SELECT COUNT(*) FROM (
            SELECT session_id, item_in_session FROM songplays
            WHERE (session_id, item_in_session) IN (SELECT session_id, item_in_session FROM etl_changed_plays)
            GROUP BY session_id, item_in_session HAVING COUNT(*) > 1) d);

-- check: time_key | start_time is unique and not null
SELECT (SELECT COUNT(*) FROM "time" WHERE start_time IS NULL)
     + (SELECT COUNT(*) FROM (
            SELECT start_time FROM "time"
            WHERE start_time IN (
                SELECT start_time FROM songplays
                WHERE (session_id, item_in_session) IN (SELECT session_id, item_in_session FROM etl_changed_plays))
            GROUP BY start_time HAVING COUNT(*) > 1) d);

-- check: songplays_time | every songplay's start_time is in time
SELECT COUNT(*) FROM songplays sp
WHERE ((sp.session_id, sp.item_in_session) IN (SELECT session_id, item_in_session FROM etl_changed_plays)
       OR sp.start_time IN (SELECT start_time FROM etl_replaced_times))
  AND NOT EXISTS (SELECT 1 FROM "time" t WHERE t.start_time = sp.start_time);

-- check: songplays_complete | distinct staged NextSong events (session_id, item_in_session) = songplays
SELECT ABS(
    (SELECT COUNT(*) FROM (
        SELECT DISTINCT session_id, item_in_session FROM staging_events
        WHERE page = 'NextSong'
          AND (session_id, item_in_session) IN (SELECT session_id, item_in_session FROM etl_changed_plays)) d)
  - (SELECT COUNT(*) FROM songplays
     WHERE (session_id, item_in_session) IN (SELECT session_id, item_in_session FROM etl_changed_plays)));
