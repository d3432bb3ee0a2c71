-- Staged rows whose load never reached the ledger belong to a run that failed or was killed: drop them.
DELETE FROM staging_events WHERE load_id NOT IN (SELECT load_id FROM etl_files);
DELETE FROM staging_songs WHERE load_id NOT IN (SELECT load_id FROM etl_files);
