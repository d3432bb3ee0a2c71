-- Stages a batch of event files with DuckDB's own reader, before the run's transaction (a failed
-- statement ends a DuckDB transaction, and one unreadable file must not end the run). Parameters: the
-- list of files, the load id, and for each file the number of records of the files before it in the list
-- (the Java record counter's). Numbers are read as DOUBLE so that a fraction where a whole number belongs
-- is seen, not rounded away; the Java parser reads numbers as doubles too, and true and false as 1 and 0,
-- as DuckDB's reader does. Only rows the Java parser would stage are inserted: a file that loses rows
-- here is re-read by the Java parser, which keeps every bad record with its line. A number with a fraction
-- or an exponent where text belongs arrives here as DuckDB writes it (5.50 as 5.5), where the Java parser
-- keeps it as written: the difference README "Input formats" documents, left so for the cost of checking
-- every text value of every row.
-- The statement runs on one thread with insertion order kept (DuckDbStagingLoader runs two at a time, on
-- two connections), so row_number() over the reader's rows counts the records in file and line order;
-- less the records of the files before, that is each record's number in its file. It is taken before the
-- WHERE, so a row left out does not move the others. Should read_json see a file's records differently
-- from the counter, its numbers (and the next files') no longer run from 1 to the file's count, and
-- events_fast_counts.sql sends those files to the Java parser.
INSERT INTO staging_events
SELECT
    artist, auth, firstName, gender, TRY_CAST(itemInSession AS BIGINT), lastName, length, level, location,
    method, page, registration, TRY_CAST(sessionId AS BIGINT), song, TRY_CAST(status AS INTEGER),
    TRY_CAST(ts AS BIGINT), userAgent, userId, r.filename, r.position - b.records_before, $2
FROM (
    SELECT *, row_number() OVER () AS position
    FROM read_json(
        $1,
        format = 'newline_delimited',
        filename = true,
        maximum_object_size = 2097152,
        columns = {
            artist: 'VARCHAR', auth: 'VARCHAR', firstName: 'VARCHAR', gender: 'VARCHAR',
            itemInSession: 'DOUBLE', lastName: 'VARCHAR', length: 'DOUBLE', level: 'VARCHAR',
            location: 'VARCHAR', method: 'VARCHAR', page: 'VARCHAR', registration: 'DOUBLE',
            sessionId: 'DOUBLE', song: 'VARCHAR', status: 'DOUBLE', ts: 'DOUBLE', userAgent: 'VARCHAR',
            userId: 'VARCHAR'
        }
    )
) r
JOIN (SELECT unnest($1) AS filename, unnest($3) AS records_before) b ON b.filename = r.filename
WHERE ts IS NOT NULL AND page IS NOT NULL AND sessionId IS NOT NULL AND itemInSession IS NOT NULL
  AND isfinite(ts) AND ts = trunc(ts) AND ts BETWEEN -62135596800000 AND 253402300799999
  AND isfinite(sessionId) AND sessionId = trunc(sessionId) AND abs(sessionId) < 9007199254740992
  AND isfinite(itemInSession) AND itemInSession = trunc(itemInSession)
  AND abs(itemInSession) < 9007199254740992
  AND (status IS NULL OR (isfinite(status) AND status = trunc(status) AND abs(status) <= 2147483647))
  AND (length IS NULL OR isfinite(length))
  AND (registration IS NULL OR isfinite(registration))
  AND regexp_full_match(coalesce(userId, ''), '[0-9]{0,18}')
  AND NOT (page = 'NextSong' AND coalesce(userId, '') = '');
