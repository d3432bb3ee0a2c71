-- The ledger rows of a run in one statement, a list per column: a JDBC batch runs one insert per row, and
-- each insert takes blocks of its own in the run's transaction, held until the commit. Parameters: paths,
-- kinds, sizes, change markers, rows read, staged and rejected, the load id, the time they are loaded at.
INSERT INTO etl_files (
    path, kind, size_bytes, change_marker, rows_read, rows_staged, rows_rejected, load_id, loaded_at)
SELECT unnest(?), unnest(?), unnest(?), unnest(?), unnest(?), unnest(?), unnest(?), ?, ?;
