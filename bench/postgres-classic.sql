-- The classic design of the original Sparkify scripts, for bench/postgres-vs-classic.sh: staging tables
-- that COPY fills file by file, then one INSERT ... SELECT per star table. No lineage, no ledger, no checks,
-- no level history; each statement commits on its own. Run as two parts around the COPYs: :part names one.
\if :{?part}
\else
  \echo 'usage: psql -v part=schema|star -f bench/postgres-classic.sql'
  \quit
\endif
SET search_path TO classic;
SET client_min_messages = warning;

SELECT :'part' = 'schema' AS schema_part, :'part' = 'star' AS star_part \gset
\if :schema_part
DROP SCHEMA IF EXISTS classic CASCADE;
CREATE SCHEMA classic;
-- One JSON document per line of a file: COPY's csv format with quote and delimiter that never occur, so
-- that backslashes and quotes reach jsonb's parser unchanged.
CREATE TABLE staging_events (event jsonb);
CREATE TABLE staging_songs (song jsonb);
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
SELECT DISTINCT ON (song->>'song_id') song->>'song_id', song->>'title', song->>'artist_id',
       (song->>'year')::int, (song->>'duration')::float8
FROM staging_songs
ON CONFLICT (song_id) DO NOTHING;

INSERT INTO artists (artist_id, name, location, latitude, longitude)
SELECT DISTINCT ON (song->>'artist_id') song->>'artist_id', song->>'artist_name', song->>'artist_location',
       (song->>'artist_latitude')::float8, (song->>'artist_longitude')::float8
FROM staging_songs
ON CONFLICT (artist_id) DO NOTHING;

-- A user's latest event gives names and level.
INSERT INTO users (user_id, first_name, last_name, gender, level)
SELECT DISTINCT ON ((event->>'userId')::bigint) (event->>'userId')::bigint, event->>'firstName',
       event->>'lastName', event->>'gender', event->>'level'
FROM staging_events
WHERE event->>'userId' <> ''
ORDER BY (event->>'userId')::bigint, (event->>'ts')::bigint DESC
ON CONFLICT (user_id) DO UPDATE SET level = EXCLUDED.level;

INSERT INTO songplays (start_time, user_id, level, song_id, artist_id, session_id, location, user_agent)
SELECT TIMESTAMP '1970-01-01' + (e.event->>'ts')::bigint * INTERVAL '1 millisecond',
       (e.event->>'userId')::bigint, e.event->>'level', s.song_id, s.artist_id,
       (e.event->>'sessionId')::bigint, e.event->>'location', e.event->>'userAgent'
FROM staging_events e
LEFT JOIN (SELECT s.song_id, s.artist_id, s.title, s.duration, a.name
           FROM songs s JOIN artists a ON a.artist_id = s.artist_id) s
  ON s.title = e.event->>'song' AND s.name = e.event->>'artist' AND s.duration = (e.event->>'length')::float8
WHERE e.event->>'page' = 'NextSong';

INSERT INTO "time" (start_time, hour, day, week, month, year, weekday)
SELECT DISTINCT start_time, EXTRACT(hour FROM start_time), EXTRACT(day FROM start_time),
       EXTRACT(week FROM start_time), EXTRACT(month FROM start_time), EXTRACT(year FROM start_time),
       EXTRACT(isodow FROM start_time)
FROM songplays
ON CONFLICT (start_time) DO NOTHING;
\endif
