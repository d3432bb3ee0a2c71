-- As sql/common/merge_time.sql: only the start times of songplays this run touched can be new. Redshift
-- has no isodow: its dow counts 0 = Sunday ... 6 = Saturday, so Sunday becomes 7. Its week is the ISO 8601
-- week, as on the other engines. The changed keys are joined: Redshift's IN takes one column only.
INSERT INTO "time" (start_time, hour, day, week, month, year, weekday)
SELECT sp.start_time,
       CAST(EXTRACT(hour FROM sp.start_time) AS INTEGER),
       CAST(EXTRACT(day FROM sp.start_time) AS INTEGER),
       CAST(EXTRACT(week FROM sp.start_time) AS INTEGER),
       CAST(EXTRACT(month FROM sp.start_time) AS INTEGER),
       CAST(EXTRACT(year FROM sp.start_time) AS INTEGER),
       CASE CAST(EXTRACT(dow FROM sp.start_time) AS INTEGER)
           WHEN 0 THEN 7
           ELSE CAST(EXTRACT(dow FROM sp.start_time) AS INTEGER)
       END
FROM (
    SELECT DISTINCT played.start_time
    FROM songplays played
    JOIN (SELECT DISTINCT session_id, item_in_session FROM etl_changed_plays) changed
      ON changed.session_id = played.session_id AND changed.item_in_session = played.item_in_session
) sp
LEFT JOIN "time" t ON t.start_time = sp.start_time
WHERE t.start_time IS NULL;
