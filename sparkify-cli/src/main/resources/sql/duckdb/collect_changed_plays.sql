-- As sql/common/collect_changed_plays.sql, except that a fresh load (${fresh} = 1) into an empty songplays
-- leaves etl_changed_plays empty: every staged play is new, and the merges and checks of a fresh load read
-- them all without the list (which would hold nearly every staged play, in memory until the commit). Rows left in
-- songplays by a ledger emptied by hand are still replaced, not doubled.
INSERT INTO etl_changed_plays
SELECT session_id, item_in_session FROM staging_events
WHERE (${fresh} = 0 OR EXISTS (SELECT 1 FROM songplays)) AND load_id = ${load_id} AND page = 'NextSong';
