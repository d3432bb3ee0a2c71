-- The most played songs, by the played title and artist: every play counts, in the song catalog or not.
-- catalog_plays: how many of those plays matched a catalog song. listeners: distinct users.
WITH plays AS (
    SELECT * FROM songplays WHERE start_time >= ${from} AND start_time < ${to}
)
SELECT song_title AS song,
       artist_name AS artist,
       COUNT(*) AS plays,
       COUNT(DISTINCT user_id) AS listeners,
       COUNT(song_id) AS catalog_plays
FROM plays
GROUP BY song_title, artist_name
ORDER BY plays DESC, song, artist
LIMIT ${limit};
