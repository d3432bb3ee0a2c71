-- Numbers the records of each file the fast path has just staged (source_record is 0 until then). DuckDB
-- appends in file and line order, so a row's position after its file's first row is its record number.
-- It runs after every batch, so that the pending update never holds more than one batch of rows.
-- Parameter: the load id.
UPDATE staging_events
SET source_record = staging_events.rowid - first.first_rowid + 1
FROM (
    SELECT source_file, min(rowid) AS first_rowid
    FROM staging_events
    WHERE load_id = $1 AND source_record = 0
    GROUP BY source_file
) first
WHERE staging_events.load_id = $1 AND staging_events.source_record = 0
  AND staging_events.source_file = first.source_file;
