-- Keys of the other rows this run staged (the plays: collect_changed_plays.sql).
INSERT INTO etl_changed_users
SELECT DISTINCT CAST(user_id AS BIGINT) FROM staging_events WHERE load_id = ${load_id} AND user_id <> '';

INSERT INTO etl_changed_songs
SELECT song_id FROM staging_songs WHERE load_id = ${load_id};

INSERT INTO etl_changed_artists
SELECT artist_id FROM staging_songs WHERE load_id = ${load_id};
