-- As sql/common/prepare_changes.sql, with lengths: a bare VARCHAR is VARCHAR(256) on Redshift, too short for
-- an S3 uri.
DROP TABLE IF EXISTS etl_reload_files;
DROP TABLE IF EXISTS etl_changed_plays;
DROP TABLE IF EXISTS etl_changed_users;
DROP TABLE IF EXISTS etl_changed_songs;
DROP TABLE IF EXISTS etl_changed_artists;
DROP TABLE IF EXISTS etl_replaced_times;
CREATE TEMP TABLE etl_reload_files (path VARCHAR(2048));
CREATE TEMP TABLE etl_changed_plays (session_id BIGINT, item_in_session BIGINT);
CREATE TEMP TABLE etl_changed_users (user_id BIGINT);
CREATE TEMP TABLE etl_changed_songs (song_id VARCHAR(256));
CREATE TEMP TABLE etl_changed_artists (artist_id VARCHAR(256));
CREATE TEMP TABLE etl_replaced_times (start_time TIMESTAMP);
