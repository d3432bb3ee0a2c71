-- Moves the held events of clean files into staging, inside the run's transaction. Parameter: load id.
INSERT INTO staging_events
SELECT
    artist, auth, firstName, gender, CAST(itemInSession AS BIGINT), lastName, length, level, location,
    method, page, registration, CAST(sessionId AS BIGINT), song, CAST(status AS INTEGER), CAST(ts AS BIGINT),
    userAgent, userId, source_file,
    rowid - min(rowid) OVER (PARTITION BY source_file) + 1,
    ?
FROM pending_events;
