-- The table a run locks: Redshift has no advisory locks. It holds no rows.
CREATE TABLE IF NOT EXISTS etl_lock (holder VARCHAR(256));
