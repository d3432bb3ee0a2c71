# One song document -> one CSV row for bench/postgres-classic-typed.sql's staging_songs.
[.num_songs, .artist_id, .artist_latitude, .artist_longitude, .artist_location, .artist_name, .song_id,
 .title, .duration, .year] | @csv
