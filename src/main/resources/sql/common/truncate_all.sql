-- --full-refresh: forget everything loaded so far; the run then loads every input file again.
DELETE FROM staging_events;
DELETE FROM staging_songs;
DELETE FROM songplays;
DELETE FROM users;
DELETE FROM songs;
DELETE FROM artists;
DELETE FROM "time";
DELETE FROM etl_files;
