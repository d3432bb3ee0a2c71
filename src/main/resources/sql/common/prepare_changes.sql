-- Keys touched by this run: every dimension and fact row with one of these keys is rebuilt from staging.
DROP TABLE IF EXISTS etl_reload_files;
DROP TABLE IF EXISTS etl_changed_plays;
DROP TABLE IF EXISTS etl_changed_users;
DROP TABLE IF EXISTS etl_changed_songs;
DROP TABLE IF EXISTS etl_changed_artists;
DROP TABLE IF EXISTS etl_replaced_times;
CREATE TEMP TABLE etl_reload_files (path VARCHAR);
CREATE TEMP TABLE etl_changed_plays (session_id BIGINT, item_in_session BIGINT);
CREATE TEMP TABLE etl_changed_users (user_id BIGINT);
CREATE TEMP TABLE etl_changed_songs (song_id VARCHAR);
CREATE TEMP TABLE etl_changed_artists (artist_id VARCHAR);
CREATE TEMP TABLE etl_replaced_times (start_time TIMESTAMP);
