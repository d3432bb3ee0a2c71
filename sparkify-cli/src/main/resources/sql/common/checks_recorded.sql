-- The recorded checks of the latest run that ran them, with that run's status: what the report shows.
SELECT c.run_id, r.status, c.check_name, c.offending_rows, c.scope, CAST(c.checked_at AS VARCHAR)
FROM etl_checks c
LEFT JOIN etl_runs r ON r.run_id = c.run_id
WHERE c.run_id = (SELECT MAX(run_id) FROM etl_checks)
ORDER BY c.check_name;
