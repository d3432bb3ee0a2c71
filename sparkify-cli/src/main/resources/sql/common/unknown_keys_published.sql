-- The unknown keys of every run that published, for check: records summed over those runs (a file loaded
-- again counts again), the last run that saw the key, and one file holding it.
SELECT u.kind,
       u.json_key,
       SUM(u.records) AS records,
       MAX(u.load_id) AS last_load_id,
       MIN(u.example_file) AS example_file
FROM etl_unknown_keys u
JOIN etl_runs r ON r.run_id = u.load_id
WHERE r.status = 'succeeded'
GROUP BY u.kind, u.json_key
ORDER BY u.kind, u.json_key;
