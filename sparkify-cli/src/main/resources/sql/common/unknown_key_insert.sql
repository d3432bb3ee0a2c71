INSERT INTO etl_unknown_keys (load_id, kind, json_key, records, example_file)
VALUES (?, ?, ?, ?, ?);
