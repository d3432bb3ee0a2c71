-- missing tables only; existing tables and their rows stay

CREATE TABLE IF NOT EXISTS staging_events (
    artist          VARCHAR(65535),
    auth            VARCHAR(256),
    first_name      VARCHAR(65535),
    gender          VARCHAR(256),
    item_in_session BIGINT,
    last_name       VARCHAR(65535),
    length          DOUBLE PRECISION,
    level           VARCHAR(256),
    location        VARCHAR(65535),
    method          VARCHAR(256),
    page            VARCHAR(256),
    registration    DOUBLE PRECISION,
    session_id      BIGINT,
    song            VARCHAR(65535),
    status          INTEGER,
    ts              BIGINT,
    user_agent      VARCHAR(65535),
    user_id         VARCHAR(256),
    source_file     VARCHAR(2048) NOT NULL,
    source_record   BIGINT NOT NULL,
    load_id         BIGINT NOT NULL
)
DISTSTYLE EVEN;

CREATE TABLE IF NOT EXISTS staging_songs (
    num_songs        INTEGER,
    artist_id        VARCHAR(256),
    artist_latitude  DOUBLE PRECISION,
    artist_longitude DOUBLE PRECISION,
    artist_location  VARCHAR(65535),
    artist_name      VARCHAR(65535),
    song_id          VARCHAR(256),
    title            VARCHAR(65535),
    duration         DOUBLE PRECISION,
    year             INTEGER,
    source_file      VARCHAR(2048) NOT NULL,
    source_record    BIGINT NOT NULL,
    load_id          BIGINT NOT NULL
)
DISTSTYLE EVEN;

CREATE TABLE IF NOT EXISTS songplays (
    songplay_id     VARCHAR(32) NOT NULL PRIMARY KEY,
    start_time      TIMESTAMP NOT NULL,
    user_id         BIGINT NOT NULL,
    level           VARCHAR(256),
    song_id         VARCHAR(256),
    artist_id       VARCHAR(256),
    session_id      BIGINT NOT NULL,
    item_in_session BIGINT NOT NULL,
    location        VARCHAR(65535),
    user_agent      VARCHAR(65535),
    song_title      VARCHAR(65535),
    artist_name     VARCHAR(65535),
    song_length     DOUBLE PRECISION
)
DISTKEY (start_time)
SORTKEY (start_time);

CREATE TABLE IF NOT EXISTS users (
    user_id    BIGINT NOT NULL PRIMARY KEY,
    first_name VARCHAR(65535),
    last_name  VARCHAR(65535),
    gender     VARCHAR(256),
    level      VARCHAR(256)
)
DISTSTYLE ALL
SORTKEY (user_id);

CREATE TABLE IF NOT EXISTS user_levels (
    user_id    BIGINT NOT NULL,
    level      VARCHAR(256),
    valid_from TIMESTAMP NOT NULL,
    valid_to   TIMESTAMP,
    is_current BOOLEAN NOT NULL,
    PRIMARY KEY (user_id, valid_from)
)
DISTSTYLE ALL
SORTKEY (user_id, valid_from);

CREATE TABLE IF NOT EXISTS songs (
    song_id   VARCHAR(256) NOT NULL PRIMARY KEY,
    title     VARCHAR(65535) NOT NULL,
    artist_id VARCHAR(256) NOT NULL,
    year      INTEGER,
    duration  DOUBLE PRECISION
)
DISTSTYLE ALL
SORTKEY (song_id);

CREATE TABLE IF NOT EXISTS artists (
    artist_id VARCHAR(256) NOT NULL PRIMARY KEY,
    name      VARCHAR(65535),
    location  VARCHAR(65535),
    latitude  DOUBLE PRECISION,
    longitude DOUBLE PRECISION
)
DISTSTYLE ALL
SORTKEY (artist_id);

CREATE TABLE IF NOT EXISTS "time" (
    start_time TIMESTAMP NOT NULL PRIMARY KEY,
    hour       INTEGER NOT NULL,
    day        INTEGER NOT NULL,
    week       INTEGER NOT NULL,
    month      INTEGER NOT NULL,
    year       INTEGER NOT NULL,
    weekday    INTEGER NOT NULL
)
DISTKEY (start_time)
SORTKEY (start_time);

CREATE TABLE IF NOT EXISTS load_errors (
    load_id     BIGINT NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    source_file VARCHAR(2048) NOT NULL,
    line_number BIGINT NOT NULL,
    reason      VARCHAR(65535) NOT NULL,
    raw_text    VARCHAR(65535) NOT NULL,
    logged_at   TIMESTAMP NOT NULL
)
DISTSTYLE EVEN
SORTKEY (load_id);

CREATE TABLE IF NOT EXISTS etl_files (
    path          VARCHAR(2048) NOT NULL PRIMARY KEY,
    kind          VARCHAR(16) NOT NULL,
    size_bytes    BIGINT NOT NULL,
    change_marker VARCHAR(256) NOT NULL,
    rows_read     BIGINT NOT NULL,
    rows_staged   BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    load_id       BIGINT NOT NULL,
    loaded_at     TIMESTAMP NOT NULL
)
DISTSTYLE ALL
SORTKEY (path);

CREATE TABLE IF NOT EXISTS etl_runs (
    run_id        BIGINT NOT NULL PRIMARY KEY,
    started_at    TIMESTAMP NOT NULL,
    ended_at      TIMESTAMP,
    status        VARCHAR(32) NOT NULL,
    files_loaded  BIGINT,
    rows_read     BIGINT,
    rows_staged   BIGINT,
    rows_rejected BIGINT,
    songplays     BIGINT,
    message       VARCHAR(65535)
)
DISTSTYLE ALL
SORTKEY (run_id);

CREATE TABLE IF NOT EXISTS etl_unknown_keys (
    load_id      BIGINT NOT NULL,
    kind         VARCHAR(16) NOT NULL,
    json_key     VARCHAR(65535) NOT NULL,
    records      BIGINT NOT NULL,
    example_file VARCHAR(2048) NOT NULL
)
DISTSTYLE ALL
SORTKEY (load_id);

CREATE TABLE IF NOT EXISTS etl_checks (
    run_id         BIGINT NOT NULL,
    check_name     VARCHAR(64) NOT NULL,
    passed         BOOLEAN NOT NULL,
    offending_rows BIGINT NOT NULL,
    scope          VARCHAR(16) NOT NULL,
    checked_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (run_id, check_name)
)
DISTSTYLE ALL
SORTKEY (run_id);

CREATE OR REPLACE VIEW staging_events_timed AS
SELECT *,
       TIMESTAMP '1970-01-01' + (ts / 86400000) * INTERVAL '1 day' + (ts % 86400000) * INTERVAL '1 millisecond'
           AS start_time
FROM staging_events;

COMMIT;

-- on a second session, each statement committed at once: the run's row, and every reject

UPDATE etl_runs SET status = 'interrupted' WHERE status = 'running';

SELECT COALESCE(MAX(run_id), 0) + 1 FROM etl_runs;

INSERT INTO etl_runs (run_id, started_at, status) VALUES (?, ?, 'running');

-- on the run's session: rows staged by a run that did not commit go

DELETE FROM staging_events WHERE load_id NOT IN (SELECT load_id FROM etl_files);

DELETE FROM staging_songs WHERE load_id NOT IN (SELECT load_id FROM etl_files);

SELECT path, change_marker FROM etl_files;

COMMIT;

-- the run, in one transaction

-- write s3://sparkify-test/manifests/jsonpaths/songs.json:
--   {
--     "jsonpaths" : [
--       "$['num_songs']",
--       "$['artist_id']",
--       "$['artist_latitude']",
--       "$['artist_longitude']",
--       "$['artist_location']",
--       "$['artist_name']",
--       "$['song_id']",
--       "$['title']",
--       "$['duration']",
--       "$['year']"
--     ]
--   }

DROP TABLE IF EXISTS etl_copy_events;

DROP TABLE IF EXISTS etl_copy_songs;

CREATE TEMP TABLE etl_copy_events (
    artist          VARCHAR(65535),
    auth            VARCHAR(256),
    first_name      VARCHAR(65535),
    gender          VARCHAR(256),
    item_in_session BIGINT,
    last_name       VARCHAR(65535),
    length          DOUBLE PRECISION,
    level           VARCHAR(256),
    location        VARCHAR(65535),
    method          VARCHAR(256),
    page            VARCHAR(256),
    registration    DOUBLE PRECISION,
    session_id      BIGINT,
    song            VARCHAR(65535),
    status          INTEGER,
    ts              BIGINT,
    user_agent      VARCHAR(65535),
    user_id         VARCHAR(256),
    reject_reason   VARCHAR(512)
);

CREATE TEMP TABLE etl_copy_songs (
    num_songs        INTEGER,
    artist_id        VARCHAR(256),
    artist_latitude  DOUBLE PRECISION,
    artist_longitude DOUBLE PRECISION,
    artist_location  VARCHAR(65535),
    artist_name      VARCHAR(65535),
    song_id          VARCHAR(256),
    title            VARCHAR(65535),
    duration         DOUBLE PRECISION,
    year             INTEGER,
    reject_reason    VARCHAR(512)
);

-- write s3://sparkify-test/manifests/run-1/songs-000001.manifest:
--   {
--     "entries" : [
--       {
--         "url" : "s3://sparkify-test/song_data/a.json",
--         "mandatory" : true
--       }
--     ]
--   }

COPY etl_copy_songs (num_songs, artist_id, artist_latitude, artist_longitude, artist_location, artist_name, song_id, title, duration, year)
FROM 's3://sparkify-test/manifests/run-1/songs-000001.manifest'
IAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole'
FORMAT AS JSON 's3://sparkify-test/manifests/jsonpaths/songs.json'
REGION 'us-west-2'
MAXERROR 100000
MANIFEST
COMPUPDATE OFF
STATUPDATE OFF;

-- after each COPY: its rejected rows (stl_load_errors) go to load_errors, then:

SELECT line_number,
       RTRIM(colname) AS colname,
       RTRIM(err_reason) AS err_reason,
       RTRIM(raw_field_value) AS value,
       RTRIM(raw_line) AS raw_line
FROM stl_load_errors
WHERE query = pg_last_copy_id()
ORDER BY line_number;

UPDATE etl_copy_songs
SET reject_reason = CASE
    WHEN artist_id IS NULL THEN 'Missing required key "artist_id"'
    WHEN song_id IS NULL THEN 'Missing required key "song_id"'
    WHEN title IS NULL THEN 'Missing required key "title"'
END;

SELECT num_songs, artist_id, artist_latitude, artist_longitude, artist_location, artist_name, song_id, title,
       duration, year, reject_reason
FROM etl_copy_songs
WHERE reject_reason IS NOT NULL;

INSERT INTO staging_songs (
    num_songs, artist_id, artist_latitude, artist_longitude, artist_location, artist_name, song_id, title,
    duration, year, source_file, source_record, load_id)
SELECT num_songs, artist_id, artist_latitude, artist_longitude, artist_location, artist_name, song_id, title,
       duration, year,
       ?,
       ROW_NUMBER() OVER (ORDER BY song_id, title),
       1
FROM etl_copy_songs
WHERE reject_reason IS NULL;

DELETE FROM etl_copy_songs;

-- write s3://sparkify-test/manifests/jsonpaths/events.json:
--   {
--     "jsonpaths" : [
--       "$['artist']",
--       "$['auth']",
--       "$['firstName']",
--       "$['gender']",
--       "$['itemInSession']",
--       "$['lastName']",
--       "$['length']",
--       "$['level']",
--       "$['location']",
--       "$['method']",
--       "$['page']",
--       "$['registration']",
--       "$['sessionId']",
--       "$['song']",
--       "$['status']",
--       "$['ts']",
--       "$['userAgent']",
--       "$['userId']"
--     ]
--   }

DROP TABLE IF EXISTS etl_copy_events;

DROP TABLE IF EXISTS etl_copy_songs;

CREATE TEMP TABLE etl_copy_events (
    artist          VARCHAR(65535),
    auth            VARCHAR(256),
    first_name      VARCHAR(65535),
    gender          VARCHAR(256),
    item_in_session BIGINT,
    last_name       VARCHAR(65535),
    length          DOUBLE PRECISION,
    level           VARCHAR(256),
    location        VARCHAR(65535),
    method          VARCHAR(256),
    page            VARCHAR(256),
    registration    DOUBLE PRECISION,
    session_id      BIGINT,
    song            VARCHAR(65535),
    status          INTEGER,
    ts              BIGINT,
    user_agent      VARCHAR(65535),
    user_id         VARCHAR(256),
    reject_reason   VARCHAR(512)
);

CREATE TEMP TABLE etl_copy_songs (
    num_songs        INTEGER,
    artist_id        VARCHAR(256),
    artist_latitude  DOUBLE PRECISION,
    artist_longitude DOUBLE PRECISION,
    artist_location  VARCHAR(65535),
    artist_name      VARCHAR(65535),
    song_id          VARCHAR(256),
    title            VARCHAR(65535),
    duration         DOUBLE PRECISION,
    year             INTEGER,
    reject_reason    VARCHAR(512)
);

-- write s3://sparkify-test/manifests/run-1/events-000001.manifest:
--   {
--     "entries" : [
--       {
--         "url" : "s3://sparkify-test/log_data/day1.json",
--         "mandatory" : true
--       }
--     ]
--   }

COPY etl_copy_events (artist, auth, first_name, gender, item_in_session, last_name, length, level, location, method, page, registration, session_id, song, status, ts, user_agent, user_id)
FROM 's3://sparkify-test/manifests/run-1/events-000001.manifest'
IAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole'
FORMAT AS JSON 's3://sparkify-test/manifests/jsonpaths/events.json'
REGION 'us-west-2'
MAXERROR 100000
MANIFEST
COMPUPDATE OFF
STATUPDATE OFF;

-- write s3://sparkify-test/manifests/run-1/events-000002.manifest:
--   {
--     "entries" : [
--       {
--         "url" : "s3://sparkify-test/log_data/day2.json.gz",
--         "mandatory" : true
--       }
--     ]
--   }

COPY etl_copy_events (artist, auth, first_name, gender, item_in_session, last_name, length, level, location, method, page, registration, session_id, song, status, ts, user_agent, user_id)
FROM 's3://sparkify-test/manifests/run-1/events-000002.manifest'
IAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole'
FORMAT AS JSON 's3://sparkify-test/manifests/jsonpaths/events.json'
GZIP
REGION 'us-west-2'
MAXERROR 100000
MANIFEST
COMPUPDATE OFF
STATUPDATE OFF;

-- after each COPY: its rejected rows (stl_load_errors) go to load_errors, then:

SELECT line_number,
       RTRIM(colname) AS colname,
       RTRIM(err_reason) AS err_reason,
       RTRIM(raw_field_value) AS value,
       RTRIM(raw_line) AS raw_line
FROM stl_load_errors
WHERE query = pg_last_copy_id()
ORDER BY line_number;

UPDATE etl_copy_events
SET reject_reason = CASE
    WHEN item_in_session IS NULL THEN 'Missing required key "itemInSession"'
    WHEN page IS NULL THEN 'Missing required key "page"'
    WHEN session_id IS NULL THEN 'Missing required key "sessionId"'
    WHEN ts IS NULL THEN 'Missing required key "ts"'
    WHEN user_id !~ '^[0-9]*$' THEN 'Expected a numeric userId, found "'
        || CASE WHEN LENGTH(user_id) <= 80 THEN user_id ELSE LEFT(user_id, 77) || '...' END || '"'
    WHEN LENGTH(user_id) > 18 THEN 'userId is out of range: ' || LEFT(user_id, 400)
    WHEN page = 'NextSong' AND COALESCE(user_id, '') = '' THEN 'Expected a userId on a NextSong event, found none'
END;

SELECT artist, auth, first_name, gender, item_in_session, last_name, length, level, location, method, page,
       registration, session_id, song, status, ts, user_agent, user_id, reject_reason
FROM etl_copy_events
WHERE reject_reason IS NOT NULL;

INSERT INTO staging_events (
    artist, auth, first_name, gender, item_in_session, last_name, length, level, location, method, page,
    registration, session_id, song, status, ts, user_agent, user_id, source_file, source_record, load_id)
SELECT artist, auth, first_name, gender, item_in_session, last_name, length, level, location, method, page,
       registration, session_id, song, status, ts, user_agent, user_id,
       ?,
       ROW_NUMBER() OVER (ORDER BY ts, session_id, item_in_session, page, user_id),
       1
FROM etl_copy_events
WHERE reject_reason IS NULL;

DELETE FROM etl_copy_events;

-- with more rejects than --max-errors 0: ROLLBACK here

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

INSERT INTO etl_changed_plays
SELECT session_id, item_in_session FROM staging_events WHERE load_id = 1 AND page = 'NextSong';

INSERT INTO etl_changed_users
SELECT DISTINCT CAST(user_id AS BIGINT) FROM staging_events WHERE load_id = 1 AND user_id <> '';

INSERT INTO etl_changed_songs
SELECT song_id FROM staging_songs WHERE load_id = 1;

INSERT INTO etl_changed_artists
SELECT artist_id FROM staging_songs WHERE load_id = 1;

DROP VIEW IF EXISTS etl_staged_plays;

DROP TABLE IF EXISTS etl_catalog;

CREATE TEMP TABLE etl_catalog AS
SELECT title, artist_name, duration, song_id, artist_id
FROM (
    SELECT title, artist_name, duration, song_id, artist_id,
           ROW_NUMBER() OVER (PARTITION BY title, artist_name, duration ORDER BY song_id) AS pick
    FROM staging_songs
) s
WHERE pick = 1;

DELETE FROM songs WHERE song_id IN (SELECT song_id FROM etl_changed_songs);

INSERT INTO songs (song_id, title, artist_id, year, duration)
SELECT song_id, title, artist_id, NULLIF(year, 0), duration
FROM (
    SELECT s.*,
           ROW_NUMBER() OVER (PARTITION BY song_id ORDER BY source_file DESC, source_record DESC) AS pick
    FROM staging_songs s
    WHERE song_id IN (SELECT song_id FROM etl_changed_songs)
) ranked
WHERE pick = 1;

DELETE FROM artists WHERE artist_id IN (SELECT artist_id FROM etl_changed_artists);

INSERT INTO artists (artist_id, name, location, latitude, longitude)
SELECT artist_id, NULLIF(artist_name, ''), NULLIF(artist_location, ''), artist_latitude, artist_longitude
FROM (
    SELECT s.*,
           ROW_NUMBER() OVER (
               PARTITION BY artist_id
               ORDER BY CASE WHEN artist_location IS NULL OR artist_location = '' THEN 1 ELSE 0 END,
                        CASE WHEN artist_latitude IS NULL THEN 1 ELSE 0 END,
                        source_file DESC,
                        source_record DESC) AS pick
    FROM staging_songs s
    WHERE artist_id IN (SELECT artist_id FROM etl_changed_artists)
) ranked
WHERE pick = 1;

INSERT INTO etl_replaced_times
SELECT DISTINCT sp.start_time
FROM songplays sp
JOIN (SELECT DISTINCT session_id, item_in_session FROM etl_changed_plays) changed
  ON changed.session_id = sp.session_id AND changed.item_in_session = sp.item_in_session;

DELETE FROM songplays
USING etl_changed_plays changed
WHERE songplays.session_id = changed.session_id AND songplays.item_in_session = changed.item_in_session;

INSERT INTO songplays (
    songplay_id, start_time, user_id, level, song_id, artist_id, session_id, item_in_session, location,
    user_agent, song_title, artist_name, song_length)
SELECT md5(CAST(e.session_id AS VARCHAR) || ':' || CAST(e.item_in_session AS VARCHAR)),
       e.start_time,
       CAST(e.user_id AS BIGINT),
       e.level,
       c.song_id,
       c.artist_id,
       e.session_id,
       e.item_in_session,
       e.location,
       e.user_agent,
       e.song,
       e.artist,
       e.length
FROM (
    SELECT se.*,
           ROW_NUMBER() OVER (
               PARTITION BY se.session_id, se.item_in_session
               ORDER BY se.ts DESC, se.source_file DESC, se.source_record DESC) AS pick
    FROM staging_events_timed se
    JOIN (SELECT DISTINCT session_id, item_in_session FROM etl_changed_plays) changed
      ON changed.session_id = se.session_id AND changed.item_in_session = se.item_in_session
    WHERE se.page = 'NextSong'
) e
LEFT JOIN etl_catalog c ON c.title = e.song AND c.artist_name = e.artist AND c.duration = e.length
WHERE e.pick = 1;

DELETE FROM users WHERE user_id IN (SELECT user_id FROM etl_changed_users);

INSERT INTO users (user_id, first_name, last_name, gender, level)
SELECT user_id, first_name, last_name, gender, level
FROM (
    SELECT e.user_id, e.first_name, e.last_name, e.gender, e.level,
           ROW_NUMBER() OVER (
               PARTITION BY e.user_id
               ORDER BY e.ts DESC, e.session_id DESC, e.item_in_session DESC, e.source_file DESC,
                        e.source_record DESC
           ) AS pick
    FROM (
        SELECT CAST(NULLIF(user_id, '') AS BIGINT) AS user_id, first_name, last_name, gender, level, ts,
               session_id, item_in_session, source_file, source_record
        FROM staging_events
        WHERE user_id <> ''
    ) e
    WHERE e.user_id IN (SELECT user_id FROM etl_changed_users)
) ranked
WHERE pick = 1;

INSERT INTO etl_changed_users
SELECT u.user_id
FROM users u
LEFT JOIN (SELECT DISTINCT user_id FROM user_levels) l ON l.user_id = u.user_id
WHERE l.user_id IS NULL;

DELETE FROM user_levels WHERE user_id IN (SELECT user_id FROM etl_changed_users);

INSERT INTO user_levels (user_id, level, valid_from, valid_to, is_current)
SELECT user_id,
       level,
       valid_from,
       LEAD(valid_from) OVER (PARTITION BY user_id ORDER BY valid_from) AS valid_to,
       LEAD(valid_from) OVER (PARTITION BY user_id ORDER BY valid_from) IS NULL AS is_current
FROM (
    SELECT user_id, level, start_time AS valid_from,
           ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY start_time) AS position,
           LAG(level) OVER (PARTITION BY user_id ORDER BY start_time) AS previous_level
    FROM (
        SELECT e.user_id, e.level, e.start_time,
               ROW_NUMBER() OVER (
                   PARTITION BY e.user_id, e.ts
                   ORDER BY e.session_id DESC, e.item_in_session DESC, e.source_file DESC, e.source_record DESC
               ) AS pick
        FROM (
            SELECT CAST(NULLIF(user_id, '') AS BIGINT) AS user_id, level, start_time, ts, session_id,
                   item_in_session, source_file, source_record
            FROM staging_events_timed
            WHERE user_id <> ''
        ) e
        WHERE e.user_id IN (SELECT user_id FROM etl_changed_users)
    ) latest_per_millisecond
    WHERE pick = 1
) events
WHERE position = 1
   OR NOT (COALESCE(level = previous_level, FALSE) OR (level IS NULL AND previous_level IS NULL));

DROP TABLE IF EXISTS etl_rematched_plays;

CREATE TEMP TABLE etl_rematched_plays AS
SELECT p.session_id, p.item_in_session, c.song_id, c.artist_id
FROM songplays p
LEFT JOIN etl_catalog c
  ON c.title = p.song_title AND c.artist_name = p.artist_name AND c.duration = p.song_length
WHERE (p.song_id IS NULL
       OR p.song_id IN (SELECT song_id FROM etl_changed_songs)
       OR p.artist_id IN (SELECT artist_id FROM etl_changed_artists))
  AND (COALESCE(c.song_id, '') <> COALESCE(p.song_id, '')
       OR COALESCE(c.artist_id, '') <> COALESCE(p.artist_id, ''));

INSERT INTO etl_changed_plays
SELECT session_id, item_in_session FROM etl_rematched_plays;

UPDATE songplays
SET song_id = m.song_id, artist_id = m.artist_id
FROM etl_rematched_plays m
WHERE songplays.session_id = m.session_id AND songplays.item_in_session = m.item_in_session;

DROP TABLE etl_rematched_plays;

DELETE FROM "time"
WHERE start_time IN (SELECT start_time FROM etl_replaced_times)
  AND NOT EXISTS (SELECT 1 FROM songplays sp WHERE sp.start_time = "time".start_time);

INSERT INTO "time" (start_time, hour, day, week, month, year, weekday)
SELECT sp.start_time,
       CAST(EXTRACT(hour FROM sp.start_time) AS INTEGER),
       CAST(EXTRACT(day FROM sp.start_time) AS INTEGER),
       CAST(EXTRACT(week FROM sp.start_time) AS INTEGER),
       CAST(EXTRACT(month FROM sp.start_time) AS INTEGER),
       CAST(EXTRACT(year FROM sp.start_time) AS INTEGER),
       CASE CAST(EXTRACT(dow FROM sp.start_time) AS INTEGER)
           WHEN 0 THEN 7
           ELSE CAST(EXTRACT(dow FROM sp.start_time) AS INTEGER)
       END
FROM (
    SELECT DISTINCT played.start_time
    FROM songplays played
    JOIN (SELECT DISTINCT session_id, item_in_session FROM etl_changed_plays) changed
      ON changed.session_id = played.session_id AND changed.item_in_session = played.item_in_session
) sp
LEFT JOIN "time" t ON t.start_time = sp.start_time
WHERE t.start_time IS NULL;

-- the ledger rows of the 3 files loaded, in bulk:

INSERT INTO etl_files (
    path, kind, size_bytes, change_marker, rows_read, rows_staged, rows_rejected, load_id, loaded_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);

-- the checks; when one fails: ROLLBACK here

SELECT (SELECT COUNT(*) FROM songplays
        WHERE songplay_id IS NULL
           OR songplay_id <> md5(CAST(session_id AS VARCHAR) || ':' || CAST(item_in_session AS VARCHAR)))
     + (SELECT COUNT(*) FROM (SELECT session_id, item_in_session FROM songplays
                              GROUP BY session_id, item_in_session HAVING COUNT(*) > 1) d);

SELECT (SELECT COUNT(*) FROM users WHERE user_id IS NULL)
     + (SELECT COUNT(*) FROM (SELECT user_id FROM users GROUP BY user_id HAVING COUNT(*) > 1) d);

SELECT (SELECT COUNT(*) FROM songs WHERE song_id IS NULL)
     + (SELECT COUNT(*) FROM (SELECT song_id FROM songs GROUP BY song_id HAVING COUNT(*) > 1) d);

SELECT (SELECT COUNT(*) FROM artists WHERE artist_id IS NULL)
     + (SELECT COUNT(*) FROM (SELECT artist_id FROM artists GROUP BY artist_id HAVING COUNT(*) > 1) d);

SELECT (SELECT COUNT(*) FROM "time" WHERE start_time IS NULL)
     + (SELECT COUNT(*) FROM (SELECT start_time FROM "time" GROUP BY start_time HAVING COUNT(*) > 1) d);

SELECT COUNT(*) FROM songplays sp LEFT JOIN users u ON u.user_id = sp.user_id WHERE u.user_id IS NULL;

SELECT COUNT(*) FROM songplays sp WHERE NOT EXISTS (SELECT 1 FROM "time" t WHERE t.start_time = sp.start_time);

SELECT COUNT(*) FROM songplays sp
WHERE sp.song_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM songs s WHERE s.song_id = sp.song_id);

SELECT COUNT(*) FROM songplays sp
WHERE sp.artist_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM artists a WHERE a.artist_id = sp.artist_id);

SELECT ABS(
    (SELECT COUNT(*) FROM (SELECT DISTINCT session_id, item_in_session FROM staging_events
                           WHERE page = 'NextSong' AND load_id IN (SELECT load_id FROM etl_files)) d)
  - (SELECT COUNT(*) FROM songplays));

SELECT (SELECT COUNT(*) FROM users WHERE level IS NULL OR level NOT IN ('free', 'paid'))
     + (SELECT COUNT(*) FROM songplays WHERE level IS NULL OR level NOT IN ('free', 'paid'));

SELECT (SELECT COUNT(*) FROM users u
        LEFT JOIN (SELECT user_id, COUNT(*) AS current_rows, MAX(level) AS level
                   FROM user_levels WHERE is_current GROUP BY user_id) c ON c.user_id = u.user_id
        WHERE c.current_rows IS NULL OR c.current_rows <> 1
           OR NOT (COALESCE(c.level = u.level, FALSE) OR (c.level IS NULL AND u.level IS NULL)))
     + (SELECT COUNT(*) FROM user_levels l WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.user_id = l.user_id));

SELECT COUNT(*) FROM (
    SELECT valid_from, valid_to, is_current, level,
           LEAD(valid_from) OVER (PARTITION BY user_id ORDER BY valid_from) AS next_from,
           LEAD(level) OVER (PARTITION BY user_id ORDER BY valid_from) AS next_level,
           LEAD(valid_from) OVER (PARTITION BY user_id ORDER BY valid_from) IS NULL AS last_row
    FROM user_levels
) l
WHERE NOT (COALESCE(valid_to = next_from, FALSE) OR (valid_to IS NULL AND next_from IS NULL))
   OR is_current <> last_row
   OR (valid_to IS NOT NULL AND valid_to <= valid_from)
   OR (NOT last_row AND (COALESCE(level = next_level, FALSE) OR (level IS NULL AND next_level IS NULL)));

-- on the side session, each check's outcome, passed or failed:

INSERT INTO etl_checks (run_id, check_name, passed, offending_rows, scope, checked_at)
VALUES (?, ?, ?, ?, ?, ?);

-- on the run's session

COMMIT;

