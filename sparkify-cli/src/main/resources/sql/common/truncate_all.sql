-- --full-refresh: forget everything loaded so far; the run then loads every input file again.
-- Rows of this load (${load_id}) may already be staged by an engine's fast path: they stay.
DELETE FROM staging_events WHERE load_id <> ${load_id};
DELETE FROM staging_songs WHERE load_id <> ${load_id};
DELETE FROM songplays;
DELETE FROM users;
DELETE FROM user_levels;
DELETE FROM songs;
DELETE FROM artists;
DELETE FROM "time";
DELETE FROM etl_files;
