-- Keys of the other rows this run staged (the plays: collect_changed_plays.sql).
INSERT INTO etl_changed_users
SELECT DISTINCT CAST(user_id AS BIGINT) FROM staging_events WHERE load_id = ${load_id} AND user_id <> '';

INSERT INTO etl_changed_songs
SELECT song_id FROM staging_songs WHERE load_id = ${load_id};

INSERT INTO etl_changed_artists
SELECT artist_id FROM staging_songs WHERE load_id = ${load_id};

-- The catalog entry of each (title, artist name, duration): the lowest song_id. merge_songplays and
-- rematch_songplays match plays against it.
DROP TABLE IF EXISTS etl_catalog;
CREATE TABLE etl_catalog USING iceberg AS
SELECT title, artist_name, duration, song_id, artist_id
FROM (
    SELECT title, artist_name, duration, song_id, artist_id,
           ROW_NUMBER() OVER (PARTITION BY title, artist_name, duration ORDER BY song_id) AS pick
    FROM staging_songs
) s
WHERE pick = 1;
