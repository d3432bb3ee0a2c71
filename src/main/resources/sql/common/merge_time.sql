-- One row per distinct songplay start_time (UTC). week is the ISO 8601 week (weeks start on Monday,
-- week 1 holds the year's first Thursday); weekday is ISO too: 1 = Monday ... 7 = Sunday.
-- Only the start times of songplays this run touched can be new (all of them when ${fresh} is 1).
INSERT INTO "time" (start_time, hour, day, week, month, year, weekday)
SELECT start_time,
       CAST(EXTRACT(hour FROM start_time) AS INTEGER),
       CAST(EXTRACT(day FROM start_time) AS INTEGER),
       CAST(EXTRACT(week FROM start_time) AS INTEGER),
       CAST(EXTRACT(month FROM start_time) AS INTEGER),
       CAST(EXTRACT(year FROM start_time) AS INTEGER),
       CAST(EXTRACT(isodow FROM start_time) AS INTEGER)
FROM (
    SELECT DISTINCT start_time FROM songplays
    WHERE ${fresh} = 1
       OR (session_id, item_in_session) IN (SELECT session_id, item_in_session FROM etl_changed_plays)
) sp
WHERE NOT EXISTS (SELECT 1 FROM "time" t WHERE t.start_time = sp.start_time);
