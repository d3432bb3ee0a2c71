-- create-tables starts from nothing: every table sparkify owns is dropped.
DROP VIEW IF EXISTS staging_events_timed;
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
