-- One row per distinct songplay start_time (UTC). week is the ISO 8601 week (weeks start on Monday,
-- week 1 holds the year's first Thursday); weekday is ISO too: 1 = Monday ... 7 = Sunday.
DELETE FROM "time" WHERE NOT EXISTS (SELECT 1 FROM songplays sp WHERE sp.start_time = "time".start_time);

INSERT INTO "time" (start_time, hour, day, week, month, year, weekday)
SELECT start_time,
       CAST(EXTRACT(hour FROM start_time) AS INTEGER),
       CAST(EXTRACT(day FROM start_time) AS INTEGER),
       CAST(EXTRACT(week FROM start_time) AS INTEGER),
       CAST(EXTRACT(month FROM start_time) AS INTEGER),
       CAST(EXTRACT(year FROM start_time) AS INTEGER),
       CAST(EXTRACT(isodow FROM start_time) AS INTEGER)
FROM (SELECT DISTINCT start_time FROM songplays) sp
WHERE NOT EXISTS (SELECT 1 FROM "time" t WHERE t.start_time = sp.start_time);
