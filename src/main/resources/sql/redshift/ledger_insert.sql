-- CURRENT_TIMESTAMP runs on the leader node only on Redshift, GETDATE() is its replacement.
INSERT INTO etl_files (
    path, kind, size_bytes, change_marker, rows_read, rows_staged, rows_rejected, load_id, loaded_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, GETDATE());
