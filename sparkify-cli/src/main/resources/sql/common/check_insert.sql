INSERT INTO etl_checks (run_id, check_name, passed, offending_rows, scope, checked_at)
VALUES (?, ?, ?, ?, ?, ?);
