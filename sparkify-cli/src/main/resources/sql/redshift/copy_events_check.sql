-- COPY loads what it can parse; these are the records the Java reader of the other engines rejects, with the
-- same reasons, in the same order of precedence (a missing JSON key and a JSON null both arrive as NULL).
UPDATE etl_copy_events
SET reject_reason = CASE
    WHEN item_in_session IS NULL THEN 'Missing required key "itemInSession"'
    WHEN page IS NULL THEN 'Missing required key "page"'
    WHEN session_id IS NULL THEN 'Missing required key "sessionId"'
    WHEN ts IS NULL THEN 'Missing required key "ts"'
    WHEN user_id !~ '^[0-9]*$' THEN 'Expected a numeric userId, found "'
        || CASE WHEN LENGTH(user_id) <= 80 THEN user_id ELSE LEFT(user_id, 77) || '...' END || '"'
    WHEN LENGTH(user_id) > 18 THEN 'userId is out of range: ' || LEFT(user_id, 400)
    WHEN page = 'NextSong' AND COALESCE(user_id, '') = '' THEN 'Expected a userId on a NextSong event, found none'
END;
