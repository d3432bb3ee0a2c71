-- Every distinct text value of the star schema's free-text columns, with its row count, to find text that
-- looks double-encoded (UTF-8 read as Latin-1). Non-ASCII text only would be enough, but that test is not portable.
SELECT 'songplays.song_title' AS column_name, song_title AS value, COUNT(*) AS row_count
FROM songplays GROUP BY song_title
UNION ALL
SELECT 'songplays.artist_name', artist_name, COUNT(*) FROM songplays GROUP BY artist_name
UNION ALL
SELECT 'songplays.location', location, COUNT(*) FROM songplays GROUP BY location
UNION ALL
SELECT 'users.first_name', first_name, COUNT(*) FROM users GROUP BY first_name
UNION ALL
SELECT 'users.last_name', last_name, COUNT(*) FROM users GROUP BY last_name
UNION ALL
SELECT 'songs.title', title, COUNT(*) FROM songs GROUP BY title
UNION ALL
SELECT 'artists.name', name, COUNT(*) FROM artists GROUP BY name
UNION ALL
SELECT 'artists.location', location, COUNT(*) FROM artists GROUP BY location;
