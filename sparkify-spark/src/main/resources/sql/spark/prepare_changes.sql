-- Keys touched by this run: every dimension and fact row with one of these keys is rebuilt from staging.
-- Spark has no temp tables: these are Iceberg tables of the warehouse's namespace, which each run drops and
-- creates again empty. Readers have no use for them.
DROP TABLE IF EXISTS etl_reload_files;
DROP TABLE IF EXISTS etl_changed_plays;
DROP TABLE IF EXISTS etl_changed_users;
DROP TABLE IF EXISTS etl_changed_songs;
DROP TABLE IF EXISTS etl_changed_artists;
DROP TABLE IF EXISTS etl_replaced_times;
CREATE TABLE etl_reload_files (path STRING) USING iceberg;
CREATE TABLE etl_changed_plays (session_id BIGINT, item_in_session BIGINT) USING iceberg;
CREATE TABLE etl_changed_users (user_id BIGINT) USING iceberg;
CREATE TABLE etl_changed_songs (song_id STRING) USING iceberg;
CREATE TABLE etl_changed_artists (artist_id STRING) USING iceberg;
CREATE TABLE etl_replaced_times (start_time TIMESTAMP) USING iceberg;
