-- Most played songs, over every play: the played title and artist are kept on each songplay, so songs
-- outside the catalog count too. catalog_plays says how many of the plays matched the catalog.
SELECT song_title AS song, artist_name AS artist, COUNT(*) AS plays, COUNT(song_id) AS catalog_plays
FROM songplays
GROUP BY song_title, artist_name
ORDER BY plays DESC, song, artist
LIMIT ${limit};
