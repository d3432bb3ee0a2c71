SELECT (SELECT COUNT(*) FROM songplays),
       (SELECT COUNT(*) FROM users),
       (SELECT COUNT(*) FROM songs),
       (SELECT COUNT(*) FROM artists),
       (SELECT COUNT(*) FROM "time"),
       (SELECT COUNT(*) FROM songplays WHERE song_id IS NOT NULL);
