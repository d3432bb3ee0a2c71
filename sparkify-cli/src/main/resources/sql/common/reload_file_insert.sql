INSERT INTO etl_reload_files (path) VALUES (?);
