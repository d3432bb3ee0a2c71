-- As sql/common/merge_songplays.sql. Redshift's IN takes a one-column subquery only, so the changed
-- (session_id, item_in_session) keys are joined instead of compared as row values.
INSERT INTO etl_replaced_times
SELECT DISTINCT sp.start_time
FROM songplays sp
JOIN (SELECT DISTINCT session_id, item_in_session FROM etl_changed_plays) changed
  ON changed.session_id = sp.session_id AND changed.item_in_session = sp.item_in_session;

DELETE FROM songplays
USING etl_changed_plays changed
WHERE songplays.session_id = changed.session_id AND songplays.item_in_session = changed.item_in_session;

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
               PARTITION BY se.session_id, se.item_in_session
               ORDER BY se.ts DESC, se.source_file DESC, se.source_record DESC) AS pick
    FROM staging_events_timed se
    JOIN (SELECT DISTINCT session_id, item_in_session FROM etl_changed_plays) changed
      ON changed.session_id = se.session_id AND changed.item_in_session = se.item_in_session
    WHERE se.page = 'NextSong'
) e
LEFT JOIN etl_catalog c ON c.title = e.song AND c.artist_name = e.artist AND c.duration = e.length
WHERE e.pick = 1;
