-- Keys touched by this run: every dimension and fact row with one of these keys is rebuilt from staging.
-- The text columns take their type from the table they hold keys of, so that each engine's schema says how
-- long they are: a bare VARCHAR would be VARCHAR(256) on Redshift, too short for an S3 uri.
DROP TABLE IF EXISTS etl_reload_files;
DROP TABLE IF EXISTS etl_changed_plays;
DROP TABLE IF EXISTS etl_changed_users;
DROP TABLE IF EXISTS etl_changed_songs;
DROP TABLE IF EXISTS etl_changed_artists;
DROP TABLE IF EXISTS etl_replaced_times;
CREATE TEMP TABLE etl_reload_files AS SELECT path FROM etl_files WHERE 1 = 0;
CREATE TEMP TABLE etl_changed_plays (session_id BIGINT, item_in_session BIGINT);
CREATE TEMP TABLE etl_changed_users (user_id BIGINT);
CREATE TEMP TABLE etl_changed_songs AS SELECT song_id FROM songs WHERE 1 = 0;
CREATE TEMP TABLE etl_changed_artists AS SELECT artist_id FROM artists WHERE 1 = 0;
CREATE TEMP TABLE etl_replaced_times (start_time TIMESTAMP);
