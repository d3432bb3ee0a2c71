-- Rows staged per file by the fast path of this load, and the lowest and highest record number among them:
-- a file staged whole has its records numbered from 1 to its count. Parameter: the load id.
SELECT source_file, count(*), min(source_record), max(source_record)
FROM staging_events
WHERE load_id = $1
GROUP BY source_file;
