-- The warehouse schema on Amazon Redshift. Every statement is idempotent: etl runs it before each load.
-- Same tables and columns as on DuckDB, in the physical design of the classic Sparkify project:
--   * the dimensions users, songs and artists are small: DISTSTYLE ALL puts a copy on every node, so joins
--     with songplays never move them; each is sorted on its id;
--   * songplays and "time" grow with the events: both are distributed (DISTKEY) and sorted (SORTKEY) on
--     start_time, so the join between them stays on each node and time ranges read few blocks;
--   * staging tables are spread evenly, which suits COPY and the delete+insert merges.
-- Redshift does not enforce PRIMARY KEY; the planner uses it, and the checks verify it before every commit.
--
-- VARCHAR lengths count BYTES, and 65535 is Redshift's maximum. Free text (names, titles, locations, user
-- agents) gets the maximum; ids and short codes get 256. A longer value is NOT truncated: COPY runs without
-- TRUNCATECOLUMNS, so Redshift rejects the row ("String length exceeds DDL length"), and sparkify copies that
-- rejection with its file, line and raw text into load_errors, where --max-errors decides. Nothing is cut
-- short in silence. (DuckDB and PostgreSQL take values of any length, so such a record loads there.)

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

-- The level history of each user (SCD type 2): one row per run of events at the same level, valid from
-- valid_from until valid_to (exclusive). The current row has valid_to NULL and is_current true. Small, like
-- users: a copy on every node.
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

-- Keys of staged records that the staging layout does not know (schema drift): not loaded, so recorded
-- here per run, with how many records held each and one file that has it. On Redshift it stays empty: COPY
-- reads the files on the cluster and maps only the JSONPaths' keys, so sparkify never sees the others.
CREATE TABLE IF NOT EXISTS etl_unknown_keys (
    load_id      BIGINT NOT NULL,
    kind         VARCHAR(16) NOT NULL,
    json_key     VARCHAR(65535) NOT NULL,
    records      BIGINT NOT NULL,
    example_file VARCHAR(2048) NOT NULL
)
DISTSTYLE ALL
SORTKEY (load_id);

-- The outcome of every data-quality check of every run that ran them, passed or failed, written on the run's
-- side session as it checks: what the report shows without running the checks again. scope is 'all' (every
-- row) or 'changed' (only the rows the run changed, as an incremental run checks the largest tables).
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

-- start_time of each staged event: UTC, milliseconds kept, exact over years 1 to 9999. ts stays in staging
-- as the raw BIGINT of epoch milliseconds. Whole days and the milliseconds of the day are added separately,
-- as on PostgreSQL: each product is exact even where an engine multiplies an interval in double precision,
-- which ts / 1000.0 * INTERVAL '1 second' is not beyond 2^53 microseconds (year ~2255). COPY's TIMEFORMAT
-- 'epochmillisecs' would fill a TIMESTAMP column instead, but then staging would no longer hold ts as sent.
CREATE OR REPLACE VIEW staging_events_timed AS
SELECT *,
       TIMESTAMP '1970-01-01' + (ts / 86400000) * INTERVAL '1 day' + (ts % 86400000) * INTERVAL '1 millisecond'
           AS start_time
FROM staging_events;
