-- One row per distinct songplay start_time (UTC). week is the ISO 8601 week (weeks start on Monday,
-- week 1 holds the year's first Thursday); weekday is ISO too: 1 = Monday ... 7 = Sunday.
-- Only the start times of songplays this run touched can be new (all of them when ${fresh} is 1). The
-- "time" rows they may already have are looked up by those times, as the checks' time_key does: NOT
-- EXISTS over "time" would read all of it on every daily run.
INSERT INTO "time" (start_time, hour, day, week, month, year, weekday)
SELECT sp.start_time,
       CAST(EXTRACT(hour FROM sp.start_time) AS INTEGER),
       CAST(EXTRACT(day FROM sp.start_time) AS INTEGER),
       CAST(EXTRACT(week FROM sp.start_time) AS INTEGER),
       CAST(EXTRACT(month FROM sp.start_time) AS INTEGER),
       CAST(EXTRACT(year FROM sp.start_time) AS INTEGER),
       CAST(EXTRACT(DAYOFWEEK_ISO FROM sp.start_time) AS INTEGER)
FROM (
    SELECT DISTINCT start_time FROM songplays
    WHERE ${fresh} = 1
       OR (session_id, item_in_session) IN (SELECT session_id, item_in_session FROM etl_changed_plays)
) sp
LEFT JOIN (
    SELECT t.start_time FROM "time" t
    WHERE ${fresh} = 1
       OR t.start_time IN (
           SELECT start_time FROM songplays
           WHERE (session_id, item_in_session) IN (SELECT session_id, item_in_session FROM etl_changed_plays))
) t ON t.start_time = sp.start_time
WHERE t.start_time IS NULL;
