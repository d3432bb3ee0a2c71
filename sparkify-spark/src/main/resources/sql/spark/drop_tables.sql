-- Every table of the warehouse, and the work tables of the last run (Spark has no temp tables). The view
-- staging_events_timed belongs to a session and goes with it.
DROP TABLE IF EXISTS staging_events;
DROP TABLE IF EXISTS staging_songs;
DROP TABLE IF EXISTS songplays;
DROP TABLE IF EXISTS users;
DROP TABLE IF EXISTS user_levels;
DROP TABLE IF EXISTS songs;
DROP TABLE IF EXISTS artists;
DROP TABLE IF EXISTS "time";
DROP TABLE IF EXISTS load_errors;
DROP TABLE IF EXISTS etl_files;
DROP TABLE IF EXISTS etl_runs;
DROP TABLE IF EXISTS etl_unknown_keys;
DROP TABLE IF EXISTS etl_checks;
DROP TABLE IF EXISTS etl_reload_files;
DROP TABLE IF EXISTS etl_changed_plays;
DROP TABLE IF EXISTS etl_changed_users;
DROP TABLE IF EXISTS etl_changed_songs;
DROP TABLE IF EXISTS etl_changed_artists;
DROP TABLE IF EXISTS etl_replaced_times;
DROP TABLE IF EXISTS etl_catalog;
DROP TABLE IF EXISTS etl_repeated_plays;
DROP TABLE IF EXISTS etl_rematched_plays;
