-- Stages a batch of event files with DuckDB's own reader, before the run's transaction (a failed
-- statement ends a DuckDB transaction, and one unreadable file must not end the run). Parameters: the
-- list of files, the load id, and for each file the number of records of the files before it in the list
-- (the Java record counter's). Only rows the Java parser would stage, with the values it would stage, are
-- inserted: a file that loses rows here is re-read by the Java parser, which keeps every bad record with
-- its line, so a row this query cannot judge is left out rather than guessed.
-- Numbers are read as text and cast here: DuckDB's reader would turn true into 1, and would round a
-- fraction away. The cast takes what the Java parser takes, and also "1_000", inf and nan, left out below.
-- DuckDB hands over a number where text belongs rewritten (5.50 as 5.5, 1e3 as 1000.0, -0 as 0, NaN), and
-- an object or array re-serialized; the Java parser keeps their text as written. Rows with a text value
-- that may be such a rewrite are left out: a number with a fraction or exponent as DuckDB writes it, 0,
-- NaN, (-)Infinity, and text starting with '{' or '[' (45 to 57 are the codes of '-', '.', '/' and digits).
-- The statement runs on one thread with insertion order kept (DuckDbStagingLoader runs two at a time, on
-- two connections), so row_number() over the reader's rows counts the records in file and line order;
-- less the records of the files before, that is each record's number in its file. It is taken before the
-- WHERE, so a row left out does not move the others. Should read_json see a file's records differently
-- from the counter, its numbers (and the next files') no longer run from 1 to the file's count, and
-- events_fast_counts.sql sends those files to the Java parser.
INSERT INTO staging_events
SELECT
    artist, auth, firstName, gender, TRY_CAST(item_number AS BIGINT), lastName, length_number, level, location,
    method, page, registration_number, TRY_CAST(session_number AS BIGINT), song, TRY_CAST(status_number AS INTEGER),
    TRY_CAST(ts_number AS BIGINT), userAgent, userId, filename, position - records_before, $2
FROM (
    SELECT
        r.*, b.records_before,
        TRY_CAST(ts AS DOUBLE) AS ts_number,
        TRY_CAST(sessionId AS DOUBLE) AS session_number,
        TRY_CAST(itemInSession AS DOUBLE) AS item_number,
        TRY_CAST(status AS DOUBLE) AS status_number,
        TRY_CAST(length AS DOUBLE) AS length_number,
        TRY_CAST(registration AS DOUBLE) AS registration_number
    FROM (
        SELECT *, row_number() OVER () AS position
        FROM read_json(
            $1,
            format = 'newline_delimited',
            filename = true,
            maximum_object_size = 2097152,
            columns = {
                artist: 'VARCHAR', auth: 'VARCHAR', firstName: 'VARCHAR', gender: 'VARCHAR',
                itemInSession: 'VARCHAR', lastName: 'VARCHAR', length: 'VARCHAR', level: 'VARCHAR',
                location: 'VARCHAR', method: 'VARCHAR', page: 'VARCHAR', registration: 'VARCHAR',
                sessionId: 'VARCHAR', song: 'VARCHAR', status: 'VARCHAR', ts: 'VARCHAR', userAgent: 'VARCHAR',
                userId: 'VARCHAR'
            }
        )
    ) r
    JOIN (SELECT unnest($1) AS filename, unnest($3) AS records_before) b ON b.filename = r.filename
) e
WHERE page IS NOT NULL
  AND NOT contains(ts, '_') AND isfinite(ts_number) AND ts_number = trunc(ts_number)
  AND ts_number BETWEEN -62135596800000 AND 253402300799999
  AND NOT contains(sessionId, '_') AND isfinite(session_number) AND session_number = trunc(session_number)
  AND abs(session_number) < 9007199254740992
  AND NOT contains(itemInSession, '_') AND isfinite(item_number) AND item_number = trunc(item_number)
  AND abs(item_number) < 9007199254740992
  AND (status IS NULL OR (NOT contains(status, '_') AND isfinite(status_number)
       AND status_number = trunc(status_number) AND abs(status_number) <= 2147483647))
  AND (length IS NULL OR (NOT contains(length, '_') AND isfinite(length_number)))
  AND (registration IS NULL OR (NOT contains(registration, '_') AND isfinite(registration_number)))
  AND regexp_full_match(coalesce(userId, ''), '[0-9]{0,18}') AND coalesce(userId, '') <> '0'
  AND NOT (page = 'NextSong' AND coalesce(userId, '') = '')
  AND (artist IS NULL OR CASE WHEN ascii(artist) BETWEEN 45 AND 57
       THEN NOT regexp_full_match(artist, '-?[0-9]+([.][0-9]+(e[+-]?[0-9]+)?|e[+-]?[0-9]+)|0|-Infinity')
       ELSE NOT (ascii(artist) IN (91, 123) OR artist IN ('NaN', 'Infinity')) END)
  AND (auth IS NULL OR CASE WHEN ascii(auth) BETWEEN 45 AND 57
       THEN NOT regexp_full_match(auth, '-?[0-9]+([.][0-9]+(e[+-]?[0-9]+)?|e[+-]?[0-9]+)|0|-Infinity')
       ELSE NOT (ascii(auth) IN (91, 123) OR auth IN ('NaN', 'Infinity')) END)
  AND (firstName IS NULL OR CASE WHEN ascii(firstName) BETWEEN 45 AND 57
       THEN NOT regexp_full_match(firstName, '-?[0-9]+([.][0-9]+(e[+-]?[0-9]+)?|e[+-]?[0-9]+)|0|-Infinity')
       ELSE NOT (ascii(firstName) IN (91, 123) OR firstName IN ('NaN', 'Infinity')) END)
  AND (gender IS NULL OR CASE WHEN ascii(gender) BETWEEN 45 AND 57
       THEN NOT regexp_full_match(gender, '-?[0-9]+([.][0-9]+(e[+-]?[0-9]+)?|e[+-]?[0-9]+)|0|-Infinity')
       ELSE NOT (ascii(gender) IN (91, 123) OR gender IN ('NaN', 'Infinity')) END)
  AND (lastName IS NULL OR CASE WHEN ascii(lastName) BETWEEN 45 AND 57
       THEN NOT regexp_full_match(lastName, '-?[0-9]+([.][0-9]+(e[+-]?[0-9]+)?|e[+-]?[0-9]+)|0|-Infinity')
       ELSE NOT (ascii(lastName) IN (91, 123) OR lastName IN ('NaN', 'Infinity')) END)
  AND (level IS NULL OR CASE WHEN ascii(level) BETWEEN 45 AND 57
       THEN NOT regexp_full_match(level, '-?[0-9]+([.][0-9]+(e[+-]?[0-9]+)?|e[+-]?[0-9]+)|0|-Infinity')
       ELSE NOT (ascii(level) IN (91, 123) OR level IN ('NaN', 'Infinity')) END)
  AND (location IS NULL OR CASE WHEN ascii(location) BETWEEN 45 AND 57
       THEN NOT regexp_full_match(location, '-?[0-9]+([.][0-9]+(e[+-]?[0-9]+)?|e[+-]?[0-9]+)|0|-Infinity')
       ELSE NOT (ascii(location) IN (91, 123) OR location IN ('NaN', 'Infinity')) END)
  AND (method IS NULL OR CASE WHEN ascii(method) BETWEEN 45 AND 57
       THEN NOT regexp_full_match(method, '-?[0-9]+([.][0-9]+(e[+-]?[0-9]+)?|e[+-]?[0-9]+)|0|-Infinity')
       ELSE NOT (ascii(method) IN (91, 123) OR method IN ('NaN', 'Infinity')) END)
  AND CASE WHEN ascii(page) BETWEEN 45 AND 57
       THEN NOT regexp_full_match(page, '-?[0-9]+([.][0-9]+(e[+-]?[0-9]+)?|e[+-]?[0-9]+)|0|-Infinity')
       ELSE NOT (ascii(page) IN (91, 123) OR page IN ('NaN', 'Infinity')) END
  AND (song IS NULL OR CASE WHEN ascii(song) BETWEEN 45 AND 57
       THEN NOT regexp_full_match(song, '-?[0-9]+([.][0-9]+(e[+-]?[0-9]+)?|e[+-]?[0-9]+)|0|-Infinity')
       ELSE NOT (ascii(song) IN (91, 123) OR song IN ('NaN', 'Infinity')) END)
  AND (userAgent IS NULL OR CASE WHEN ascii(userAgent) BETWEEN 45 AND 57
       THEN NOT regexp_full_match(userAgent, '-?[0-9]+([.][0-9]+(e[+-]?[0-9]+)?|e[+-]?[0-9]+)|0|-Infinity')
       ELSE NOT (ascii(userAgent) IN (91, 123) OR userAgent IN ('NaN', 'Infinity')) END);
