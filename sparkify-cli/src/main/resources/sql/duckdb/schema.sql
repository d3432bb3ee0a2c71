-- The warehouse schema on DuckDB. Every statement is idempotent: etl runs it before each load.

CREATE TABLE IF NOT EXISTS staging_events (
    artist          VARCHAR,
    auth            VARCHAR,
    first_name      VARCHAR,
    gender          VARCHAR,
    item_in_session BIGINT,
    last_name       VARCHAR,
    length          DOUBLE,
    level           VARCHAR,
    location        VARCHAR,
    method          VARCHAR,
    page            VARCHAR,
    registration    DOUBLE,
    session_id      BIGINT,
    song            VARCHAR,
    status          INTEGER,
    ts              BIGINT,
    user_agent      VARCHAR,
    user_id         VARCHAR,
    source_file     VARCHAR NOT NULL,
    source_record   BIGINT NOT NULL,
    load_id         BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS staging_songs (
    num_songs        INTEGER,
    artist_id        VARCHAR,
    artist_latitude  DOUBLE,
    artist_longitude DOUBLE,
    artist_location  VARCHAR,
    artist_name      VARCHAR,
    song_id          VARCHAR,
    title            VARCHAR,
    duration         DOUBLE,
    year             INTEGER,
    source_file      VARCHAR NOT NULL,
    source_record    BIGINT NOT NULL,
    load_id          BIGINT NOT NULL
);

-- songplays and "time" grow with the event volume: their keys (songplay_id, start_time) are kept unique
-- by the merge and verified by the checks before every commit, not by a DuckDB index. An ART index
-- there makes large loads several times slower, and DuckDB 1.5.0 crashed committing a large delete+insert
-- on such an index (duckdb#23046). The smaller tables declare their keys.
CREATE TABLE IF NOT EXISTS songplays (
    songplay_id     VARCHAR,
    start_time      TIMESTAMP NOT NULL,
    user_id         BIGINT NOT NULL,
    level           VARCHAR,
    song_id         VARCHAR,
    artist_id       VARCHAR,
    session_id      BIGINT NOT NULL,
    item_in_session BIGINT NOT NULL,
    location        VARCHAR,
    user_agent      VARCHAR,
    song_title      VARCHAR,
    artist_name     VARCHAR,
    song_length     DOUBLE
);

CREATE TABLE IF NOT EXISTS users (
    user_id    BIGINT PRIMARY KEY,
    first_name VARCHAR,
    last_name  VARCHAR,
    gender     VARCHAR,
    level      VARCHAR
);

CREATE TABLE IF NOT EXISTS songs (
    song_id   VARCHAR PRIMARY KEY,
    title     VARCHAR NOT NULL,
    artist_id VARCHAR NOT NULL,
    year      INTEGER,
    duration  DOUBLE
);

CREATE TABLE IF NOT EXISTS artists (
    artist_id VARCHAR PRIMARY KEY,
    name      VARCHAR,
    location  VARCHAR,
    latitude  DOUBLE,
    longitude DOUBLE
);

CREATE TABLE IF NOT EXISTS "time" (
    start_time TIMESTAMP,
    hour       INTEGER NOT NULL,
    day        INTEGER NOT NULL,
    week       INTEGER NOT NULL,
    month      INTEGER NOT NULL,
    year       INTEGER NOT NULL,
    weekday    INTEGER NOT NULL
);

-- The level history of each user (SCD type 2): one row per run of events at the same level, valid from
-- valid_from until valid_to (exclusive). The current row has valid_to NULL and is_current true.
CREATE TABLE IF NOT EXISTS user_levels (
    user_id    BIGINT NOT NULL,
    level      VARCHAR,
    valid_from TIMESTAMP NOT NULL,
    valid_to   TIMESTAMP,
    is_current BOOLEAN NOT NULL,
    PRIMARY KEY (user_id, valid_from)
);

CREATE TABLE IF NOT EXISTS load_errors (
    load_id     BIGINT NOT NULL,
    kind        VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,
    line_number BIGINT NOT NULL,
    reason      VARCHAR NOT NULL,
    raw_text    VARCHAR NOT NULL,
    logged_at   TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS etl_files (
    path          VARCHAR PRIMARY KEY,
    kind          VARCHAR NOT NULL,
    size_bytes    BIGINT NOT NULL,
    change_marker VARCHAR NOT NULL,
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
    status        VARCHAR NOT NULL,
    files_loaded  BIGINT,
    rows_read     BIGINT,
    rows_staged   BIGINT,
    rows_rejected BIGINT,
    songplays     BIGINT,
    message       VARCHAR
);

-- Keys of staged records that the staging layout does not know (schema drift): not loaded, so recorded
-- here per run, with how many records held each and one file that has it.
CREATE TABLE IF NOT EXISTS etl_unknown_keys (
    load_id      BIGINT NOT NULL,
    kind         VARCHAR NOT NULL,
    json_key     VARCHAR NOT NULL,
    records      BIGINT NOT NULL,
    example_file VARCHAR NOT NULL
);

-- The outcome of every data-quality check of every run that ran them, passed or failed, written on the run's
-- side session as it checks: what the report shows without running the checks again. scope is 'all' (every
-- row) or 'changed' (only the rows the run changed, as an incremental run checks the largest tables).
CREATE TABLE IF NOT EXISTS etl_checks (
    run_id         BIGINT NOT NULL,
    check_name     VARCHAR NOT NULL,
    passed         BOOLEAN NOT NULL,
    offending_rows BIGINT NOT NULL,
    scope          VARCHAR NOT NULL,
    checked_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (run_id, check_name)
);

-- start_time of each staged event: UTC, milliseconds kept. IF NOT EXISTS, as the tables: replacing the
-- view on every run would make this script's commit write and sync the log, a cost every daily run pays.
-- A changed definition therefore needs a DROP VIEW first, like a table's.
CREATE VIEW IF NOT EXISTS staging_events_timed AS
SELECT *, make_timestamp(ts * 1000) AS start_time FROM staging_events;
