-- The catalog changed: plays of songs that left it lose their match, and unmatched plays are matched
-- again, so a play recorded before its song arrived finds it. Only plays whose match changes are
-- written: a first load matched its plays against this very catalog, and updating all of them anyway
-- (7.5M generated plays, each set to NULL and back) ran DuckDB out of memory. The plays written join
-- etl_changed_plays, the plays this run touched, which the checks of changed rows look at.
DROP TABLE IF EXISTS etl_rematched_plays;
CREATE TABLE etl_rematched_plays USING iceberg AS
SELECT p.session_id, p.item_in_session, c.song_id, c.artist_id
FROM songplays p
LEFT JOIN etl_catalog c
  ON c.title = p.song_title AND c.artist_name = p.artist_name AND c.duration = p.song_length
WHERE (p.song_id IS NULL
       OR p.song_id IN (SELECT song_id FROM etl_changed_songs)
       OR p.artist_id IN (SELECT artist_id FROM etl_changed_artists))
  AND (COALESCE(c.song_id, '') <> COALESCE(p.song_id, '')
       OR COALESCE(c.artist_id, '') <> COALESCE(p.artist_id, ''));

INSERT INTO etl_changed_plays
SELECT session_id, item_in_session FROM etl_rematched_plays;

-- Spark has no UPDATE ... FROM: the same as a MERGE.
MERGE INTO songplays
USING etl_rematched_plays m
ON songplays.session_id = m.session_id AND songplays.item_in_session = m.item_in_session
WHEN MATCHED THEN UPDATE SET song_id = m.song_id, artist_id = m.artist_id;

DROP TABLE etl_rematched_plays;
