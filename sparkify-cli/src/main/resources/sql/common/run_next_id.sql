SELECT COALESCE(MAX(run_id), 0) + 1 FROM etl_runs;
