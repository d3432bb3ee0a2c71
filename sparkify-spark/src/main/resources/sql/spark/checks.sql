-- Data-quality checks. Each query returns the number of offending rows; 0 passes. Every engine runs these:
-- null-safe comparisons are written out, since Redshift lacks IS [NOT] DISTINCT FROM.
-- A check starts with a line "-- check: name | what it promises".

-- check: songplays_key | songplay_id is unique and not null: the md5 of a unique (session_id, item_in_session)
-- songplay_id is derived from the play's key, so it is unique when every id is that md5 and the keys are
-- unique (an md5 collision aside), and this also catches an id that is not derived from its play; it costs
-- about what grouping the ids would.
SELECT (SELECT COUNT(*) FROM songplays
        WHERE songplay_id IS NULL
           OR songplay_id <> md5(CAST(session_id AS STRING) || ':' || CAST(item_in_session AS STRING)))
     + (SELECT COUNT(*) FROM (SELECT session_id, item_in_session FROM songplays
                              GROUP BY session_id, item_in_session HAVING COUNT(*) > 1) d);

-- check: users_key | user_id is unique and not null
SELECT (SELECT COUNT(*) FROM users WHERE user_id IS NULL)
     + (SELECT COUNT(*) FROM (SELECT user_id FROM users GROUP BY user_id HAVING COUNT(*) > 1) d);

-- check: songs_key | song_id is unique and not null
SELECT (SELECT COUNT(*) FROM songs WHERE song_id IS NULL)
     + (SELECT COUNT(*) FROM (SELECT song_id FROM songs GROUP BY song_id HAVING COUNT(*) > 1) d);

-- check: artists_key | artist_id is unique and not null
SELECT (SELECT COUNT(*) FROM artists WHERE artist_id IS NULL)
     + (SELECT COUNT(*) FROM (SELECT artist_id FROM artists GROUP BY artist_id HAVING COUNT(*) > 1) d);

-- check: time_key | start_time is unique and not null
SELECT (SELECT COUNT(*) FROM "time" WHERE start_time IS NULL)
     + (SELECT COUNT(*) FROM (SELECT start_time FROM "time" GROUP BY start_time HAVING COUNT(*) > 1) d);

-- check: songplays_users | every songplay's user_id is in users
-- A join rather than NOT EXISTS: on DuckDB, inside the run's transaction, NOT EXISTS hashed the songplays
-- the run had just written (their count unknown to its planner) and probed them with the users, 80-180
-- ms at 1M events instead of ~10.
SELECT COUNT(*) FROM songplays sp LEFT JOIN users u ON u.user_id = sp.user_id WHERE u.user_id IS NULL;

-- check: songplays_time | every songplay's start_time is in time
SELECT COUNT(*) FROM songplays sp WHERE NOT EXISTS (SELECT 1 FROM "time" t WHERE t.start_time = sp.start_time);

-- check: songplays_songs | every non-null songplay song_id is in songs
SELECT COUNT(*) FROM songplays sp
WHERE sp.song_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM songs s WHERE s.song_id = sp.song_id);

-- check: songplays_artists | every non-null songplay artist_id is in artists
SELECT COUNT(*) FROM songplays sp
WHERE sp.artist_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM artists a WHERE a.artist_id = sp.artist_id);

-- check: songplays_complete | distinct staged NextSong events (session_id, item_in_session) = songplays
-- Only published rows count: a run that failed may have left staged rows of its own (DuckDB stages ahead of
-- the run's transaction, and a full disk keeps them from being deleted); the next run discards them.
SELECT ABS(
    (SELECT COUNT(*) FROM (SELECT DISTINCT session_id, item_in_session FROM staging_events
                           WHERE page = 'NextSong' AND load_id IN (SELECT load_id FROM etl_files)) d)
  - (SELECT COUNT(*) FROM songplays));

-- check: level_values | level is 'free' or 'paid' in users and songplays
SELECT (SELECT COUNT(*) FROM users WHERE level IS NULL OR level NOT IN ('free', 'paid'))
     + (SELECT COUNT(*) FROM songplays WHERE level IS NULL OR level NOT IN ('free', 'paid'));

-- check: user_levels_current | each user has exactly one current level row, at the level of users.level
SELECT (SELECT COUNT(*) FROM users u
        LEFT JOIN (SELECT user_id, COUNT(*) AS current_rows, MAX(level) AS level
                   FROM user_levels WHERE is_current GROUP BY user_id) c ON c.user_id = u.user_id
        WHERE c.current_rows IS NULL OR c.current_rows <> 1
           OR NOT (COALESCE(c.level = u.level, FALSE) OR (c.level IS NULL AND u.level IS NULL)))
     + (SELECT COUNT(*) FROM user_levels l WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.user_id = l.user_id));

-- check: user_levels_ranges | a user's level rows neither overlap nor leave gaps, and consecutive rows differ in level
SELECT COUNT(*) FROM (
    SELECT valid_from, valid_to, is_current, level,
           LEAD(valid_from) OVER (PARTITION BY user_id ORDER BY valid_from) AS next_from,
           LEAD(level) OVER (PARTITION BY user_id ORDER BY valid_from) AS next_level,
           LEAD(valid_from) OVER (PARTITION BY user_id ORDER BY valid_from) IS NULL AS last_row
    FROM user_levels
) l
WHERE NOT (COALESCE(valid_to = next_from, FALSE) OR (valid_to IS NULL AND next_from IS NULL))
   OR is_current <> last_row
   OR (valid_to IS NOT NULL AND valid_to <= valid_from)
   OR (NOT last_row AND (COALESCE(level = next_level, FALSE) OR (level IS NULL AND next_level IS NULL)));
