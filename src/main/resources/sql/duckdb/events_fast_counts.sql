-- Rows staged per file by the fast path of this load. Parameter: the load id.
SELECT source_file, count(*) FROM staging_events WHERE load_id = $1 GROUP BY source_file;
