-- The most played artists, by the played artist name: every play counts, in the song catalog or not.
-- songs: distinct titles played. catalog_plays: plays matched to a catalog song of the artist.
WITH plays AS (
    SELECT * FROM songplays WHERE start_time >= ${from} AND start_time < ${to}
)
SELECT artist_name AS artist,
       COUNT(*) AS plays,
       COUNT(DISTINCT song_title) AS songs,
       COUNT(DISTINCT user_id) AS listeners,
       COUNT(artist_id) AS catalog_plays
FROM plays
GROUP BY artist_name
ORDER BY plays DESC, artist
LIMIT ${limit};
