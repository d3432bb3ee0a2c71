-- Keys of the plays this run staged. (On DuckDB, sql/duckdb/collect_changed_plays.sql leaves them out of a
-- fresh load, whose merges and checks do not read them.)
INSERT INTO etl_changed_plays
SELECT session_id, item_in_session FROM staging_events WHERE load_id = ${load_id} AND page = 'NextSong';
