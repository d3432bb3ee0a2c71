-- The catalog changed: plays of songs that left it lose their match, and unmatched plays are matched
-- again, so a play recorded before its song arrived finds it.
UPDATE songplays SET song_id = NULL, artist_id = NULL
WHERE song_id IN (SELECT song_id FROM etl_changed_songs)
   OR artist_id IN (SELECT artist_id FROM etl_changed_artists);

UPDATE songplays
SET song_id = c.song_id, artist_id = c.artist_id
FROM etl_catalog c
WHERE songplays.song_id IS NULL
  AND c.title = songplays.song_title
  AND c.artist_name = songplays.artist_name
  AND c.duration = songplays.song_length;
