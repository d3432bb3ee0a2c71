-- The warehouse schema on Spark: Iceberg tables (format 2) in the catalog's namespace. Every statement is
-- idempotent: etl runs it before each load. Iceberg enforces no keys and no NOT NULL on these
-- writes: the merges keep the keys unique and the checks verify them before every commit. The tables a
-- run writes in its own session have write-audit-publish on: the run writes them on a branch, checks them
-- there and publishes them at its commit (RunBranch). The run records and rejects are written at once.

CREATE TABLE IF NOT EXISTS staging_events (
    artist          STRING,
    auth            STRING,
    first_name      STRING,
    gender          STRING,
    item_in_session BIGINT,
    last_name       STRING,
    length          DOUBLE,
    level           STRING,
    location        STRING,
    method          STRING,
    page            STRING,
    registration    DOUBLE,
    session_id      BIGINT,
    song            STRING,
    status          INTEGER,
    ts              BIGINT,
    user_agent      STRING,
    user_id         STRING,
    source_file     STRING,
    source_record   BIGINT,
    load_id         BIGINT)
USING iceberg
TBLPROPERTIES ('format-version' = '2', 'write.wap.enabled' = 'true');

CREATE TABLE IF NOT EXISTS staging_songs (
    num_songs        INTEGER,
    artist_id        STRING,
    artist_latitude  DOUBLE,
    artist_longitude DOUBLE,
    artist_location  STRING,
    artist_name      STRING,
    song_id          STRING,
    title            STRING,
    duration         DOUBLE,
    year             INTEGER,
    source_file      STRING,
    source_record    BIGINT,
    load_id          BIGINT)
USING iceberg
TBLPROPERTIES ('format-version' = '2', 'write.wap.enabled' = 'true');

-- songplays and "time" grow with the event volume: partitioned by month of start_time.
CREATE TABLE IF NOT EXISTS songplays (
    songplay_id     STRING,
    start_time      TIMESTAMP,
    user_id         BIGINT,
    level           STRING,
    song_id         STRING,
    artist_id       STRING,
    session_id      BIGINT,
    item_in_session BIGINT,
    location        STRING,
    user_agent      STRING,
    song_title      STRING,
    artist_name     STRING,
    song_length     DOUBLE)
USING iceberg
PARTITIONED BY (months(start_time))
TBLPROPERTIES ('format-version' = '2', 'write.wap.enabled' = 'true');

CREATE TABLE IF NOT EXISTS users (
    user_id    BIGINT,
    first_name STRING,
    last_name  STRING,
    gender     STRING,
    level      STRING)
USING iceberg
TBLPROPERTIES ('format-version' = '2', 'write.wap.enabled' = 'true');

CREATE TABLE IF NOT EXISTS songs (
    song_id   STRING,
    title     STRING,
    artist_id STRING,
    year      INTEGER,
    duration  DOUBLE)
USING iceberg
TBLPROPERTIES ('format-version' = '2', 'write.wap.enabled' = 'true');

CREATE TABLE IF NOT EXISTS artists (
    artist_id STRING,
    name      STRING,
    location  STRING,
    latitude  DOUBLE,
    longitude DOUBLE)
USING iceberg
TBLPROPERTIES ('format-version' = '2', 'write.wap.enabled' = 'true');

CREATE TABLE IF NOT EXISTS "time" (
    start_time TIMESTAMP,
    hour       INTEGER,
    day        INTEGER,
    week       INTEGER,
    month      INTEGER,
    year       INTEGER,
    weekday    INTEGER)
USING iceberg
PARTITIONED BY (months(start_time))
TBLPROPERTIES ('format-version' = '2', 'write.wap.enabled' = 'true');

-- The level history of each user (SCD type 2): one row per run of events at the same level, valid from
-- valid_from until valid_to (exclusive). The current row has valid_to NULL and is_current true.
CREATE TABLE IF NOT EXISTS user_levels (
    user_id    BIGINT,
    level      STRING,
    valid_from TIMESTAMP,
    valid_to   TIMESTAMP,
    is_current BOOLEAN)
USING iceberg
TBLPROPERTIES ('format-version' = '2', 'write.wap.enabled' = 'true');

CREATE TABLE IF NOT EXISTS load_errors (
    load_id     BIGINT,
    kind        STRING,
    source_file STRING,
    line_number BIGINT,
    reason      STRING,
    raw_text    STRING,
    logged_at   TIMESTAMP)
USING iceberg
TBLPROPERTIES ('format-version' = '2');

CREATE TABLE IF NOT EXISTS etl_files (
    path          STRING,
    kind          STRING,
    size_bytes    BIGINT,
    change_marker STRING,
    rows_read     BIGINT,
    rows_staged   BIGINT,
    rows_rejected BIGINT,
    load_id       BIGINT,
    loaded_at     TIMESTAMP)
USING iceberg
TBLPROPERTIES ('format-version' = '2', 'write.wap.enabled' = 'true');

CREATE TABLE IF NOT EXISTS etl_runs (
    run_id        BIGINT,
    started_at    TIMESTAMP,
    ended_at      TIMESTAMP,
    status        STRING,
    files_loaded  BIGINT,
    rows_read     BIGINT,
    rows_staged   BIGINT,
    rows_rejected BIGINT,
    songplays     BIGINT,
    message       STRING)
USING iceberg
TBLPROPERTIES ('format-version' = '2');

-- Keys of staged records that the staging layout does not know (schema drift): not loaded, so recorded
-- here per run, with how many records held each and one file that has it.
CREATE TABLE IF NOT EXISTS etl_unknown_keys (
    load_id      BIGINT,
    kind         STRING,
    json_key     STRING,
    records      BIGINT,
    example_file STRING)
USING iceberg
TBLPROPERTIES ('format-version' = '2');

-- The outcome of every data-quality check of every run that ran them, passed or failed, written on the run's
-- side session as it checks: what the report shows without running the checks again. scope is 'all' (every
-- row) or 'changed' (only the rows the run changed, as an incremental run checks the largest tables).
CREATE TABLE IF NOT EXISTS etl_checks (
    run_id         BIGINT,
    check_name     STRING,
    passed         BOOLEAN,
    offending_rows BIGINT,
    scope          STRING,
    checked_at     TIMESTAMP)
USING iceberg
TBLPROPERTIES ('format-version' = '2');

-- start_time of each staged event: UTC, milliseconds kept. A view of this session, made again by each run.
CREATE OR REPLACE TEMPORARY VIEW staging_events_timed AS
SELECT *, CAST(timestamp_millis(ts) AS TIMESTAMP_NTZ) AS start_time FROM staging_events;
