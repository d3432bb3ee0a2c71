-- Taken in a session of its own, whose transaction stays open until the run ends: the run's own sessions
-- commit several times, and LOCK lasts until the end of a transaction. A session that dies (the process is
-- killed, the network cut) ends its transaction and so frees the lock. LOCK waits for the lock; the
-- statement_timeout of run_lock_table.sql turns a long wait into "another run holds the warehouse".
LOCK etl_lock;
SET statement_timeout TO 0;
