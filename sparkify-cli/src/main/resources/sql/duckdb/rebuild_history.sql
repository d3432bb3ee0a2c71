-- A full refresh builds into a new file (FullRefreshBuild), attached as sparkify_rebuild: once the run has
-- committed there, the run history, which no input file can rebuild, comes along from the warehouse, the
-- default database while this runs. Every table of schema.sql is either rebuilt from the inputs or copied
-- here (FullRefreshBuildTest).
INSERT INTO sparkify_rebuild.etl_runs BY NAME SELECT * FROM etl_runs;
INSERT INTO sparkify_rebuild.load_errors BY NAME SELECT * FROM load_errors;
INSERT INTO sparkify_rebuild.etl_unknown_keys BY NAME SELECT * FROM etl_unknown_keys;
INSERT INTO sparkify_rebuild.etl_checks BY NAME SELECT * FROM etl_checks;
