-- How much of the listening the song catalog covers. A play matches when its title, artist and length
-- equal a catalog song's. songs_played: distinct (title, artist) played; catalog_songs: songs in the catalog.
WITH plays AS (
    SELECT * FROM songplays WHERE start_time >= ${from} AND start_time < ${to}
)
SELECT COUNT(*) AS plays,
       COUNT(song_id) AS catalog_plays,
       CAST(100.0 * COUNT(song_id) / NULLIF(COUNT(*), 0) AS DECIMAL(5, 2)) AS match_pct,
       (SELECT COUNT(*) FROM (SELECT DISTINCT song_title, artist_name FROM plays) d) AS songs_played,
       (SELECT COUNT(DISTINCT song_id) FROM plays) AS catalog_songs_played,
       (SELECT COUNT(*) FROM songs) AS catalog_songs
FROM plays
LIMIT ${limit};
