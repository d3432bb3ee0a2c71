-- The warehouse schema on PostgreSQL. Every statement is idempotent: etl runs it before each load.
-- The tables land in the schema of --schema: the connection's search_path names it and nothing else.
-- Same tables, columns and keys as on DuckDB, in types that lose nothing: TIMESTAMP keeps microseconds,
-- DOUBLE PRECISION is DuckDB's DOUBLE. Text compares byte by byte (COLLATE "C"), as on DuckDB, so that
-- "the last file by path" and every ORDER BY pick the same rows on both engines whatever the database's
-- locale.

CREATE TABLE IF NOT EXISTS staging_events (
    artist          VARCHAR COLLATE "C",
    auth            VARCHAR COLLATE "C",
    first_name      VARCHAR COLLATE "C",
    gender          VARCHAR COLLATE "C",
    item_in_session BIGINT,
    last_name       VARCHAR COLLATE "C",
    length          DOUBLE PRECISION,
    level           VARCHAR COLLATE "C",
    location        VARCHAR COLLATE "C",
    method          VARCHAR COLLATE "C",
    page            VARCHAR COLLATE "C",
    registration    DOUBLE PRECISION,
    session_id      BIGINT,
    song            VARCHAR COLLATE "C",
    status          INTEGER,
    ts              BIGINT,
    user_agent      VARCHAR COLLATE "C",
    user_id         VARCHAR COLLATE "C",
    source_file     VARCHAR COLLATE "C" NOT NULL,
    source_record   BIGINT NOT NULL,
    load_id         BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS staging_songs (
    num_songs        INTEGER,
    artist_id        VARCHAR COLLATE "C",
    artist_latitude  DOUBLE PRECISION,
    artist_longitude DOUBLE PRECISION,
    artist_location  VARCHAR COLLATE "C",
    artist_name      VARCHAR COLLATE "C",
    song_id          VARCHAR COLLATE "C",
    title            VARCHAR COLLATE "C",
    duration         DOUBLE PRECISION,
    year             INTEGER,
    source_file      VARCHAR COLLATE "C" NOT NULL,
    source_record    BIGINT NOT NULL,
    load_id          BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS songplays (
    songplay_id     VARCHAR COLLATE "C" PRIMARY KEY,
    start_time      TIMESTAMP NOT NULL,
    user_id         BIGINT NOT NULL,
    level           VARCHAR COLLATE "C",
    song_id         VARCHAR COLLATE "C",
    artist_id       VARCHAR COLLATE "C",
    session_id      BIGINT NOT NULL,
    item_in_session BIGINT NOT NULL,
    location        VARCHAR COLLATE "C",
    user_agent      VARCHAR COLLATE "C",
    song_title      VARCHAR COLLATE "C",
    artist_name     VARCHAR COLLATE "C",
    song_length     DOUBLE PRECISION
);

CREATE TABLE IF NOT EXISTS users (
    user_id    BIGINT PRIMARY KEY,
    first_name VARCHAR COLLATE "C",
    last_name  VARCHAR COLLATE "C",
    gender     VARCHAR COLLATE "C",
    level      VARCHAR COLLATE "C"
);

-- The level history of each user (SCD type 2): one row per run of events at the same level, valid from
-- valid_from until valid_to (exclusive). The current row has valid_to NULL and is_current true.
CREATE TABLE IF NOT EXISTS user_levels (
    user_id    BIGINT NOT NULL,
    level      VARCHAR COLLATE "C",
    valid_from TIMESTAMP NOT NULL,
    valid_to   TIMESTAMP,
    is_current BOOLEAN NOT NULL,
    PRIMARY KEY (user_id, valid_from)
);

CREATE TABLE IF NOT EXISTS songs (
    song_id   VARCHAR COLLATE "C" PRIMARY KEY,
    title     VARCHAR COLLATE "C" NOT NULL,
    artist_id VARCHAR COLLATE "C" NOT NULL,
    year      INTEGER,
    duration  DOUBLE PRECISION
);

CREATE TABLE IF NOT EXISTS artists (
    artist_id VARCHAR COLLATE "C" PRIMARY KEY,
    name      VARCHAR COLLATE "C",
    location  VARCHAR COLLATE "C",
    latitude  DOUBLE PRECISION,
    longitude DOUBLE PRECISION
);

CREATE TABLE IF NOT EXISTS "time" (
    start_time TIMESTAMP PRIMARY KEY,
    hour       INTEGER NOT NULL,
    day        INTEGER NOT NULL,
    week       INTEGER NOT NULL,
    month      INTEGER NOT NULL,
    year       INTEGER NOT NULL,
    weekday    INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS load_errors (
    load_id     BIGINT NOT NULL,
    kind        VARCHAR COLLATE "C" NOT NULL,
    source_file VARCHAR COLLATE "C" NOT NULL,
    line_number BIGINT NOT NULL,
    reason      VARCHAR COLLATE "C" NOT NULL,
    raw_text    VARCHAR COLLATE "C" NOT NULL,
    logged_at   TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS etl_files (
    path          VARCHAR COLLATE "C" PRIMARY KEY,
    kind          VARCHAR COLLATE "C" NOT NULL,
    size_bytes    BIGINT NOT NULL,
    change_marker VARCHAR COLLATE "C" NOT NULL,
    rows_read     BIGINT NOT NULL,
    rows_staged   BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    load_id       BIGINT NOT NULL,
    loaded_at     TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS etl_runs (
    run_id        BIGINT PRIMARY KEY,
    started_at    TIMESTAMP NOT NULL,
    ended_at      TIMESTAMP,
    status        VARCHAR COLLATE "C" NOT NULL,
    files_loaded  BIGINT,
    rows_read     BIGINT,
    rows_staged   BIGINT,
    rows_rejected BIGINT,
    songplays     BIGINT,
    message       VARCHAR COLLATE "C"
);

-- Keys of staged records that the staging layout does not know (schema drift): not loaded, so recorded
-- here per run, with how many records held each and one file that has it.
CREATE TABLE IF NOT EXISTS etl_unknown_keys (
    load_id      BIGINT NOT NULL,
    kind         VARCHAR COLLATE "C" NOT NULL,
    json_key     VARCHAR COLLATE "C" NOT NULL,
    records      BIGINT NOT NULL,
    example_file VARCHAR COLLATE "C" NOT NULL
);

-- The outcome of every data-quality check of every run that ran them, passed or failed, written on the run's
-- side session as it checks: what the report shows without running the checks again. scope is 'all' (every
-- row) or 'changed' (only the rows the run changed, as an incremental run checks the largest tables).
CREATE TABLE IF NOT EXISTS etl_checks (
    run_id         BIGINT NOT NULL,
    check_name     VARCHAR COLLATE "C" NOT NULL,
    passed         BOOLEAN NOT NULL,
    offending_rows BIGINT NOT NULL,
    scope          VARCHAR COLLATE "C" NOT NULL,
    checked_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (run_id, check_name)
);

-- What the merges look up: rows of a reloaded file, the copies of one event, a user's events, the records
-- of one song or artist, the rows of one load (appended together, so a BRIN index is enough), and the
-- songplays of changed events and of a start_time. Unlike on DuckDB, songplays and "time" keep their
-- primary keys: a B-tree costs little here.
CREATE INDEX IF NOT EXISTS staging_events_source_file ON staging_events (source_file);
CREATE INDEX IF NOT EXISTS staging_events_play ON staging_events (session_id, item_in_session);
-- A user's events by time: merge_users.sql also asks whether a user has an earlier event at or after a moment.
DROP INDEX IF EXISTS staging_events_user;
CREATE INDEX IF NOT EXISTS staging_events_user_time ON staging_events ((CAST(user_id AS BIGINT)), ts) WHERE user_id <> '';
CREATE INDEX IF NOT EXISTS staging_events_load ON staging_events USING brin (load_id);
CREATE INDEX IF NOT EXISTS staging_songs_source_file ON staging_songs (source_file);
CREATE INDEX IF NOT EXISTS staging_songs_song ON staging_songs (song_id);
CREATE INDEX IF NOT EXISTS staging_songs_artist ON staging_songs (artist_id);
CREATE INDEX IF NOT EXISTS staging_songs_load ON staging_songs USING brin (load_id);
CREATE INDEX IF NOT EXISTS songplays_play ON songplays (session_id, item_in_session);
CREATE INDEX IF NOT EXISTS songplays_start_time ON songplays (start_time);

-- start_time of each staged event: UTC, milliseconds kept, exact over years 1 to 9999. Multiplying an
-- interval goes through a double, exact only up to 2^53 microseconds (about 285 years from 1970), so
-- whole days and the milliseconds of the day are added separately; to_timestamp(ts / 1000.0) would round.
CREATE OR REPLACE VIEW staging_events_timed AS
SELECT *,
       TIMESTAMP '1970-01-01' + (ts / 86400000) * INTERVAL '1 day' + (ts % 86400000) * INTERVAL '1 millisecond'
           AS start_time
FROM staging_events;
