-- The primary keys and indexes of the tables a first load fills, each as the statement that drops it and
-- the one that builds it again, as the schema has it now: schema.sql stays the one place they are declared.
-- The names come from the catalog and are quoted by format(), never pasted.
SELECT CASE WHEN c.oid IS NOT NULL
            THEN format('ALTER TABLE %I.%I DROP CONSTRAINT %I', n.nspname, t.relname, c.conname)
            ELSE format('DROP INDEX %I.%I', n.nspname, i.relname) END AS drop_statement,
       CASE WHEN c.oid IS NOT NULL
            THEN format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s', n.nspname, t.relname, c.conname,
                        pg_get_constraintdef(c.oid))
            ELSE pg_get_indexdef(i.oid) END AS create_statement
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
LEFT JOIN pg_constraint c ON c.conindid = i.oid AND c.conrelid = t.oid AND c.contype = 'p'
WHERE n.nspname = current_schema()
  AND t.relname IN ('staging_events', 'songplays', 'time', 'users', 'user_levels')
ORDER BY t.relname, i.relname;
