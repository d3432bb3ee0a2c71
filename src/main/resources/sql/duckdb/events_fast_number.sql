-- Numbers the records of each file staged by the fast path. DuckDB appends in file and line order, so
-- a row's position after its file's first row is its record number. Parameter: the load id.
UPDATE staging_events
SET source_record = staging_events.rowid - first.first_rowid + 1
FROM (
    SELECT source_file, min(rowid) AS first_rowid FROM staging_events WHERE load_id = $1 GROUP BY source_file
) first
WHERE staging_events.load_id = $1 AND staging_events.source_file = first.source_file;
