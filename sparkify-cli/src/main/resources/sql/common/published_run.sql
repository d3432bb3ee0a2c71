-- The run the warehouse's answers are as of: the latest that succeeded, and when it finished.
SELECT run_id, ended_at
FROM etl_runs
WHERE status = 'succeeded'
ORDER BY run_id DESC
LIMIT 1;
