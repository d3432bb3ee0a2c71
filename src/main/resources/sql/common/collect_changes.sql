-- Keys of the rows this run staged. (On DuckDB, sql/duckdb/collect_changes.sql leaves the plays out of a
-- fresh load, whose merges and checks do not read them.)
INSERT INTO etl_changed_plays
SELECT session_id, item_in_session FROM staging_events WHERE load_id = ${load_id} AND page = 'NextSong';

INSERT INTO etl_changed_users
SELECT DISTINCT CAST(user_id AS BIGINT) FROM staging_events WHERE load_id = ${load_id} AND user_id <> '';

INSERT INTO etl_changed_songs
SELECT song_id FROM staging_songs WHERE load_id = ${load_id};

INSERT INTO etl_changed_artists
SELECT artist_id FROM staging_songs WHERE load_id = ${load_id};
