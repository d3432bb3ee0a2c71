SELECT artist, auth, first_name, gender, item_in_session, last_name, length, level, location, method, page,
       registration, session_id, song, status, ts, user_agent, user_id, reject_reason
FROM etl_copy_events
WHERE reject_reason IS NOT NULL;
