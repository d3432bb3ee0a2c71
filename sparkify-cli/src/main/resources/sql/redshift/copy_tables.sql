-- COPY lands each S3 object in one of these temporary tables first: COPY cannot say which object a row came
-- from, and staging needs source_file. Columns follow the JSONPaths (the staging column order), plus
-- reject_reason, which COPY leaves NULL and the *_check scripts fill for records the other engines reject.
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
