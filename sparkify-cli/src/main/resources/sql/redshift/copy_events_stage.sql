-- The copied object's valid rows go to staging with their lineage; parameter 1 is the object's s3:// uri.
-- COPY does not say which line a row came from, so source_record is the row's rank in its object by
-- (ts, session_id, item_in_session): eventsim writes its logs in ts order, so the rank is usually the line.
INSERT INTO staging_events (
    artist, auth, first_name, gender, item_in_session, last_name, length, level, location, method, page,
    registration, session_id, song, status, ts, user_agent, user_id, source_file, source_record, load_id)
SELECT artist, auth, first_name, gender, item_in_session, last_name, length, level, location, method, page,
       registration, session_id, song, status, ts, user_agent, user_id,
       ?,
       ROW_NUMBER() OVER (ORDER BY ts, session_id, item_in_session, page, user_id),
       ${load_id}
FROM etl_copy_events
WHERE reject_reason IS NULL;

DELETE FROM etl_copy_events;
