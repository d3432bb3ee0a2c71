-- The checks over the largest tables, as an incremental etl run makes them: only on the rows it touched,
-- the songplays of the keys in etl_changed_plays, their start times, and the rows they refer to. Every
-- other row passed these checks when its run committed and was not written since. A check not named here runs in full, as
-- sql/common/checks.sql has it; `sparkify check`, a first run and --full-refresh run them all in full.

-- check: songplays_key | songplay_id is unique and not null: the md5 of a unique (session_id, item_in_session)
-- The md5 is of the changed key's columns, not the songplay's: a condition on songplays alone may be
-- evaluated on every row before the join, as DuckDB does.
SELECT (SELECT COUNT(*) FROM songplays sp
        JOIN etl_changed_plays c ON c.session_id = sp.session_id AND c.item_in_session = sp.item_in_session
        WHERE sp.songplay_id IS NULL
           OR sp.songplay_id <> md5(CAST(c.session_id AS STRING) || ':' || CAST(c.item_in_session AS STRING)))
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

-- The checks of references: a songplay breaks one when the run wrote it (its key is in etl_changed_plays,
-- rematch_songplays.sql included), or when the run deleted the row it refers to, which only prune_time and
-- the merges of the changed users, songs and artists do. Each is counted from the small side: the changed
-- plays, and the changed keys that no longer exist, since a condition on every songplay reads them all.
-- The "time" rows of the touched plays are looked up by their start times, as time_key does, so that
-- neither side of the join is hashed in full.

-- check: songplays_time | every songplay's start_time is in time
SELECT (SELECT COUNT(*) FROM etl_changed_plays c
        JOIN songplays sp ON sp.session_id = c.session_id AND sp.item_in_session = c.item_in_session
        LEFT JOIN (
            SELECT t.start_time FROM "time" t
            WHERE t.start_time IN (
                SELECT sp2.start_time FROM songplays sp2
                WHERE (sp2.session_id, sp2.item_in_session) IN (SELECT session_id, item_in_session FROM etl_changed_plays))
        ) t ON t.start_time = sp.start_time
        WHERE t.start_time IS NULL)
     + (SELECT COUNT(*) FROM songplays sp
        JOIN (SELECT DISTINCT start_time FROM etl_replaced_times r
              WHERE NOT EXISTS (SELECT 1 FROM "time" t WHERE t.start_time = r.start_time)) gone
          ON gone.start_time = sp.start_time
        WHERE NOT EXISTS (SELECT 1 FROM etl_changed_plays c
                          WHERE c.session_id = sp.session_id AND c.item_in_session = sp.item_in_session));

-- check: songplays_users | every songplay's user_id is in users
SELECT (SELECT COUNT(*) FROM etl_changed_plays c
        JOIN songplays sp ON sp.session_id = c.session_id AND sp.item_in_session = c.item_in_session
        LEFT JOIN users u ON u.user_id = sp.user_id
        WHERE u.user_id IS NULL)
     + (SELECT COUNT(*) FROM songplays sp
        JOIN (SELECT DISTINCT user_id FROM etl_changed_users c
              WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.user_id = c.user_id)) gone
          ON gone.user_id = sp.user_id
        WHERE NOT EXISTS (SELECT 1 FROM etl_changed_plays c
                          WHERE c.session_id = sp.session_id AND c.item_in_session = sp.item_in_session));

-- check: songplays_songs | every non-null songplay song_id is in songs
SELECT (SELECT COUNT(*) FROM etl_changed_plays c
        JOIN songplays sp ON sp.session_id = c.session_id AND sp.item_in_session = c.item_in_session
        LEFT JOIN songs s ON s.song_id = sp.song_id
        WHERE sp.song_id IS NOT NULL AND s.song_id IS NULL)
     + (SELECT COUNT(*) FROM songplays sp
        JOIN (SELECT DISTINCT song_id FROM etl_changed_songs c
              WHERE NOT EXISTS (SELECT 1 FROM songs s WHERE s.song_id = c.song_id)) gone
          ON gone.song_id = sp.song_id
        WHERE NOT EXISTS (SELECT 1 FROM etl_changed_plays c
                          WHERE c.session_id = sp.session_id AND c.item_in_session = sp.item_in_session));

-- check: songplays_artists | every non-null songplay artist_id is in artists
SELECT (SELECT COUNT(*) FROM etl_changed_plays c
        JOIN songplays sp ON sp.session_id = c.session_id AND sp.item_in_session = c.item_in_session
        LEFT JOIN artists a ON a.artist_id = sp.artist_id
        WHERE sp.artist_id IS NOT NULL AND a.artist_id IS NULL)
     + (SELECT COUNT(*) FROM songplays sp
        JOIN (SELECT DISTINCT artist_id FROM etl_changed_artists c
              WHERE NOT EXISTS (SELECT 1 FROM artists a WHERE a.artist_id = c.artist_id)) gone
          ON gone.artist_id = sp.artist_id
        WHERE NOT EXISTS (SELECT 1 FROM etl_changed_plays c
                          WHERE c.session_id = sp.session_id AND c.item_in_session = sp.item_in_session));

-- check: songplays_complete | distinct staged NextSong events (session_id, item_in_session) = songplays
SELECT ABS(
    (SELECT COUNT(*) FROM (
        SELECT DISTINCT session_id, item_in_session FROM staging_events
        WHERE page = 'NextSong'
          AND (session_id, item_in_session) IN (SELECT session_id, item_in_session FROM etl_changed_plays)) d)
  - (SELECT COUNT(*) FROM songplays
     WHERE (session_id, item_in_session) IN (SELECT session_id, item_in_session FROM etl_changed_plays)));

-- check: level_values | level is 'free' or 'paid' in users and songplays
-- A songplay's level is written only with the play.
SELECT (SELECT COUNT(*) FROM users WHERE level IS NULL OR level NOT IN ('free', 'paid'))
     + (SELECT COUNT(*) FROM etl_changed_plays c
        JOIN songplays sp ON sp.session_id = c.session_id AND sp.item_in_session = c.item_in_session
        WHERE sp.level IS NULL OR sp.level NOT IN ('free', 'paid'));
