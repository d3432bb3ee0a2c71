UPDATE etl_runs
SET ended_at = ?, status = ?, files_loaded = ?, rows_read = ?, rows_staged = ?,
    rows_rejected = ?, songplays = ?, message = ?
WHERE run_id = ?;
