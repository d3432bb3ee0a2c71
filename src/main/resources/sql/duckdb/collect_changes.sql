-- As sql/common/collect_changes.sql, except that a fresh load (${fresh} = 1) into an empty songplays leaves
-- etl_changed_plays empty: every staged play is new, and the merges and checks of a fresh load read them
-- all without the list (at 10M events it held 8.5M rows, in memory until the commit). Rows left in
-- songplays by a ledger emptied by hand are still replaced, not doubled.
INSERT INTO etl_changed_plays
SELECT session_id, item_in_session FROM staging_events
WHERE (${fresh} = 0 OR EXISTS (SELECT 1 FROM songplays)) AND load_id = ${load_id} AND page = 'NextSong';

INSERT INTO etl_changed_users
SELECT DISTINCT CAST(user_id AS BIGINT) FROM staging_events WHERE load_id = ${load_id} AND user_id <> '';

INSERT INTO etl_changed_songs
SELECT song_id FROM staging_songs WHERE load_id = ${load_id};

INSERT INTO etl_changed_artists
SELECT artist_id FROM staging_songs WHERE load_id = ${load_id};
