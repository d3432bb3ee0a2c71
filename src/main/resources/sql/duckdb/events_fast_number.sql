-- Numbers the records of the files of one batch the fast path has just staged (source_record is 0 until
-- then). A batch is read by one statement on one thread, which appends in file and line order, so a row's
-- position after its file's first row is its record number. It runs after every batch, so that the pending
-- update never holds more than one batch of rows, and only on that batch's files: another connection may
-- be staging other files of the same load at the same time. Parameters: the load id, the batch's files.
UPDATE staging_events
SET source_record = staging_events.rowid - first.first_rowid + 1
FROM (
    SELECT source_file, min(rowid) AS first_rowid
    FROM staging_events
    WHERE load_id = $1 AND source_record = 0 AND source_file IN (SELECT unnest($2))
    GROUP BY source_file
) first
WHERE staging_events.load_id = $1 AND staging_events.source_record = 0
  AND staging_events.source_file = first.source_file;
