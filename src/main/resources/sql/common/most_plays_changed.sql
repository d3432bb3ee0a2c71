-- Whether this run touched at least half of the songplays (a re-delivery of every file, a moved data
-- folder). Then the checks of the changed rows read as much as the full checks, and hold the changed
-- keys in memory besides: on DuckDB they ran out of their share of the memory limit, and the whole run was
-- repeated. The full checks (checks.sql) run instead.
SELECT (SELECT COUNT(*) FROM etl_changed_plays) * 2 >= (SELECT COUNT(*) FROM songplays)
