-- The table a run locks: Redshift has no advisory locks. It holds no rows. The timeout is set first, so that
-- not even this statement can wait forever behind another run. Parameter: how long to wait, in ms.
SET statement_timeout TO ${wait_ms};
CREATE TABLE IF NOT EXISTS etl_lock (holder VARCHAR(256));
