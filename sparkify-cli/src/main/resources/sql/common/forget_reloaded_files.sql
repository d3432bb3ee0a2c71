-- Files that changed since they were loaded: remember the keys of their old rows, then drop those rows.
-- Rows of this load (${load_id}) may already be staged by an engine's fast path: they stay.
INSERT INTO etl_changed_plays
SELECT session_id, item_in_session FROM staging_events
WHERE page = 'NextSong' AND load_id <> ${load_id} AND source_file IN (SELECT path FROM etl_reload_files);

INSERT INTO etl_changed_users
SELECT CAST(user_id AS BIGINT) FROM staging_events
WHERE user_id <> '' AND load_id <> ${load_id} AND source_file IN (SELECT path FROM etl_reload_files);

INSERT INTO etl_changed_songs
SELECT song_id FROM staging_songs WHERE load_id <> ${load_id} AND source_file IN (SELECT path FROM etl_reload_files);

INSERT INTO etl_changed_artists
SELECT artist_id FROM staging_songs WHERE load_id <> ${load_id} AND source_file IN (SELECT path FROM etl_reload_files);

DELETE FROM staging_events WHERE load_id <> ${load_id} AND source_file IN (SELECT path FROM etl_reload_files);
DELETE FROM staging_songs WHERE load_id <> ${load_id} AND source_file IN (SELECT path FROM etl_reload_files);
DELETE FROM etl_files WHERE path IN (SELECT path FROM etl_reload_files);
