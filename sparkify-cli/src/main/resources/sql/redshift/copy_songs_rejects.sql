SELECT num_songs, artist_id, artist_latitude, artist_longitude, artist_location, artist_name, song_id, title,
       duration, year, reject_reason
FROM etl_copy_songs
WHERE reject_reason IS NOT NULL;
