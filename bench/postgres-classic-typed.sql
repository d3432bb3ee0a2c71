-- The classic design with the JSON parsed in the client, as the original Sparkify scripts' Python did, for
-- bench/postgres-vs-classic.sh: jq turns each file into CSV rows that COPY puts into typed staging tables,
-- then one INSERT ... SELECT per star table, as in bench/postgres-classic.sql. :part names schema or star.
\if :{?part}
\else
  \echo 'usage: psql -v part=schema|star -f bench/postgres-classic-typed.sql'
  \quit
\endif
SET search_path TO classic;
SET client_min_messages = warning;

SELECT :'part' = 'schema' AS schema_part, :'part' = 'star' AS star_part \gset
\if :schema_part
DROP SCHEMA IF EXISTS classic CASCADE;
CREATE SCHEMA classic;
-- The columns in the order of bench/classic-events.jq and bench/classic-songs.jq.
CREATE TABLE staging_events (
    artist VARCHAR, auth VARCHAR, first_name VARCHAR, gender VARCHAR, item_in_session BIGINT,
    last_name VARCHAR, length FLOAT8, level VARCHAR, location VARCHAR, method VARCHAR, page VARCHAR,
    registration FLOAT8, session_id BIGINT, song VARCHAR, status INT, ts BIGINT, user_agent VARCHAR,
    user_id VARCHAR
);
CREATE TABLE staging_songs (
    num_songs INT, artist_id VARCHAR, artist_latitude FLOAT8, artist_longitude FLOAT8,
    artist_location VARCHAR, artist_name VARCHAR, song_id VARCHAR, title VARCHAR, duration FLOAT8, year INT
);
CREATE TABLE songplays (
    songplay_id SERIAL PRIMARY KEY,
    start_time  TIMESTAMP NOT NULL,
    user_id     BIGINT NOT NULL,
    level       VARCHAR,
    song_id     VARCHAR,
    artist_id   VARCHAR,
    session_id  BIGINT,
    location    VARCHAR,
    user_agent  VARCHAR
);
CREATE TABLE users (user_id BIGINT PRIMARY KEY, first_name VARCHAR, last_name VARCHAR, gender VARCHAR, level VARCHAR);
CREATE TABLE songs (song_id VARCHAR PRIMARY KEY, title VARCHAR, artist_id VARCHAR, year INT, duration FLOAT8);
CREATE TABLE artists (artist_id VARCHAR PRIMARY KEY, name VARCHAR, location VARCHAR, latitude FLOAT8, longitude FLOAT8);
CREATE TABLE "time" (
    start_time TIMESTAMP PRIMARY KEY, hour INT, day INT, week INT, month INT, year INT, weekday INT
);
\endif

\if :star_part
INSERT INTO songs (song_id, title, artist_id, year, duration)
SELECT DISTINCT ON (song_id) song_id, title, artist_id, year, duration
FROM staging_songs
ON CONFLICT (song_id) DO NOTHING;

INSERT INTO artists (artist_id, name, location, latitude, longitude)
SELECT DISTINCT ON (artist_id) artist_id, artist_name, artist_location, artist_latitude, artist_longitude
FROM staging_songs
ON CONFLICT (artist_id) DO NOTHING;

-- A user's latest event gives names and level.
INSERT INTO users (user_id, first_name, last_name, gender, level)
SELECT DISTINCT ON (user_id::bigint) user_id::bigint, first_name, last_name, gender, level
FROM staging_events
WHERE user_id <> ''
ORDER BY user_id::bigint, ts DESC
ON CONFLICT (user_id) DO UPDATE SET level = EXCLUDED.level;

INSERT INTO songplays (start_time, user_id, level, song_id, artist_id, session_id, location, user_agent)
SELECT TIMESTAMP '1970-01-01' + e.ts * INTERVAL '1 millisecond', e.user_id::bigint, e.level, s.song_id,
       s.artist_id, e.session_id, e.location, e.user_agent
FROM staging_events e
LEFT JOIN (SELECT s.song_id, s.artist_id, s.title, s.duration, a.name
           FROM songs s JOIN artists a ON a.artist_id = s.artist_id) s
  ON s.title = e.song AND s.name = e.artist AND s.duration = e.length
WHERE e.page = 'NextSong';

INSERT INTO "time" (start_time, hour, day, week, month, year, weekday)
SELECT DISTINCT start_time, EXTRACT(hour FROM start_time), EXTRACT(day FROM start_time),
       EXTRACT(week FROM start_time), EXTRACT(month FROM start_time), EXTRACT(year FROM start_time),
       EXTRACT(isodow FROM start_time)
FROM songplays
ON CONFLICT (start_time) DO NOTHING;
\endif
