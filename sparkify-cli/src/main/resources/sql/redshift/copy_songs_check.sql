-- As copy_events_check.sql, for song records.
UPDATE etl_copy_songs
SET reject_reason = CASE
    WHEN artist_id IS NULL THEN 'Missing required key "artist_id"'
    WHEN song_id IS NULL THEN 'Missing required key "song_id"'
    WHEN title IS NULL THEN 'Missing required key "title"'
END;
