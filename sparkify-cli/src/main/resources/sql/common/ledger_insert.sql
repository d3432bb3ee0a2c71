INSERT INTO etl_files (
    path, kind, size_bytes, change_marker, rows_read, rows_staged, rows_rejected, load_id, loaded_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);
