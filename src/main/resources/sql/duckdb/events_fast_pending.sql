-- A private holding table for events read by DuckDB's own JSON reader before the run's transaction.
-- Numbers arrive as DOUBLE so that a fraction where a whole number belongs can be seen, not rounded away.
CREATE OR REPLACE TEMP TABLE pending_events (
    source_file     VARCHAR,
    valid           BOOLEAN,
    artist          VARCHAR,
    auth            VARCHAR,
    firstName       VARCHAR,
    gender          VARCHAR,
    itemInSession   DOUBLE,
    lastName        VARCHAR,
    length          DOUBLE,
    level           VARCHAR,
    location        VARCHAR,
    method          VARCHAR,
    page            VARCHAR,
    registration    DOUBLE,
    sessionId       DOUBLE,
    song            VARCHAR,
    status          DOUBLE,
    ts              DOUBLE,
    userAgent       VARCHAR,
    userId          VARCHAR
);
