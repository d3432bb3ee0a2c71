-- The most played songs, by the played title and artist: every play counts, in the song catalog or not.
-- catalog_plays: how many of those plays matched a catalog song. listeners: distinct users.
WITH plays AS (
    SELECT * FROM songplays WHERE start_time >= ${from} AND start_time < ${to}
),
-- Counted per listener first: a distinct count over every play costs several times more.
listens AS (
    SELECT song_title, artist_name, user_id, COUNT(*) AS listen_plays, COUNT(song_id) AS listen_catalog_plays
    FROM plays
    GROUP BY song_title, artist_name, user_id
)
SELECT song_title AS song,
       artist_name AS artist,
       CAST(SUM(listen_plays) AS BIGINT) AS plays,
       COUNT(user_id) AS listeners,
       CAST(SUM(listen_catalog_plays) AS BIGINT) AS catalog_plays
FROM listens
GROUP BY song_title, artist_name
ORDER BY plays DESC, song, artist
LIMIT ${limit};
