-- The latest etl runs, newest first (for the report).
SELECT run_id, started_at, ended_at, status, files_loaded, rows_read, rows_staged, rows_rejected, songplays, message
FROM etl_runs
ORDER BY run_id DESC
LIMIT ${limit};
