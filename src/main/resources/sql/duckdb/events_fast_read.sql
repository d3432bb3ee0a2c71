-- Reads a batch of event files with DuckDB's reader. The one parameter is the list of files.
-- A row is valid when the Java parser would stage it too; files with any invalid row are re-read by it.
-- No row_number() here: it would make the read single-threaded. DuckDB keeps insertion order, so the
-- holding table's rowid follows file and line order, and gives each record its number when staged.
INSERT INTO pending_events
SELECT
    filename AS source_file,
    (
        ts IS NOT NULL AND page IS NOT NULL AND sessionId IS NOT NULL AND itemInSession IS NOT NULL
        AND isfinite(ts) AND ts = trunc(ts) AND abs(ts) < 9007199254740992
        AND isfinite(sessionId) AND sessionId = trunc(sessionId) AND abs(sessionId) < 9007199254740992
        AND isfinite(itemInSession) AND itemInSession = trunc(itemInSession)
        AND abs(itemInSession) < 9007199254740992
        AND (status IS NULL OR (isfinite(status) AND status = trunc(status) AND abs(status) <= 2147483647))
        AND (length IS NULL OR isfinite(length))
        AND (registration IS NULL OR isfinite(registration))
        AND regexp_full_match(coalesce(userId, ''), '[0-9]{0,18}')
        AND NOT (page = 'NextSong' AND coalesce(userId, '') = '')
    ) AS valid,
    artist, auth, firstName, gender, itemInSession, lastName, length, level, location, method, page,
    registration, sessionId, song, status, ts, userAgent, userId
FROM read_json(
    ?,
    format = 'newline_delimited',
    filename = true,
    maximum_object_size = 67108864,
    columns = {
        artist: 'VARCHAR', auth: 'VARCHAR', firstName: 'VARCHAR', gender: 'VARCHAR',
        itemInSession: 'DOUBLE', lastName: 'VARCHAR', length: 'DOUBLE', level: 'VARCHAR',
        location: 'VARCHAR', method: 'VARCHAR', page: 'VARCHAR', registration: 'DOUBLE',
        sessionId: 'DOUBLE', song: 'VARCHAR', status: 'DOUBLE', ts: 'DOUBLE', userAgent: 'VARCHAR',
        userId: 'VARCHAR'
    }
);
