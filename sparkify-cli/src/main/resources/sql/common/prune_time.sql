-- Start times of songplays this run replaced or removed (a changed file, a re-delivered event with
-- another ts) stay only while some songplay still has them.
DELETE FROM "time"
WHERE start_time IN (SELECT start_time FROM etl_replaced_times)
  AND NOT EXISTS (SELECT 1 FROM songplays sp WHERE sp.start_time = "time".start_time);
