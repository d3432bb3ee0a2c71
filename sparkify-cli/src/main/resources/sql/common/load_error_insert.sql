INSERT INTO load_errors (load_id, kind, source_file, line_number, reason, raw_text, logged_at)
VALUES (?, ?, ?, ?, ?, ?, ?);
