INSERT INTO etl_runs (run_id, started_at, status) VALUES (?, ?, 'running');
