-- As copy_events_stage.sql; source_record is the rank by song_id (a song file usually holds one record).
INSERT INTO staging_songs (
    num_songs, artist_id, artist_latitude, artist_longitude, artist_location, artist_name, song_id, title,
    duration, year, source_file, source_record, load_id)
SELECT num_songs, artist_id, artist_latitude, artist_longitude, artist_location, artist_name, song_id, title,
       duration, year,
       ?,
       ROW_NUMBER() OVER (ORDER BY song_id, title),
       ${load_id}
FROM etl_copy_songs
WHERE reject_reason IS NULL;

DELETE FROM etl_copy_songs;
