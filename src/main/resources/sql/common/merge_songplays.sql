-- One songplay per NextSong event, keyed by (session_id, item_in_session): a re-delivered event never
-- doubles (of copies, the latest ts wins, then the last file by path). song_id and artist_id come from the
-- catalog when title, artist name and length all match, else NULL; the played title, artist and length
-- are kept on every row. songplay_id is md5 of 'session_id:item_in_session', the same on every engine.
-- ${fresh} is 1 when staging holds only this run's rows: then every staged play is a changed one.
INSERT INTO etl_replaced_times
SELECT DISTINCT start_time FROM songplays
WHERE (session_id, item_in_session) IN (SELECT session_id, item_in_session FROM etl_changed_plays);

DELETE FROM songplays
WHERE (session_id, item_in_session) IN (SELECT session_id, item_in_session FROM etl_changed_plays);

INSERT INTO songplays (
    songplay_id, start_time, user_id, level, song_id, artist_id, session_id, item_in_session, location,
    user_agent, song_title, artist_name, song_length)
SELECT md5(CAST(e.session_id AS VARCHAR) || ':' || CAST(e.item_in_session AS VARCHAR)),
       e.start_time,
       CAST(e.user_id AS BIGINT),
       e.level,
       c.song_id,
       c.artist_id,
       e.session_id,
       e.item_in_session,
       e.location,
       e.user_agent,
       e.song,
       e.artist,
       e.length
FROM (
    SELECT se.*,
           ROW_NUMBER() OVER (
               PARTITION BY session_id, item_in_session
               ORDER BY ts DESC, source_file DESC, source_record DESC) AS pick
    FROM staging_events_timed se
    WHERE page = 'NextSong'
      AND (${fresh} = 1
           OR (session_id, item_in_session) IN (SELECT session_id, item_in_session FROM etl_changed_plays))
) e
LEFT JOIN (
    SELECT title, artist_name, duration, song_id, artist_id,
           ROW_NUMBER() OVER (PARTITION BY title, artist_name, duration ORDER BY song_id) AS pick
    FROM staging_songs
) c ON c.pick = 1 AND c.title = e.song AND c.artist_name = e.artist AND c.duration = e.length
WHERE e.pick = 1;
