-- Drops what the fast path staged of files it could not stage whole. Parameters: load id, file list.
DELETE FROM staging_events WHERE load_id = $1 AND list_contains($2, source_file);
