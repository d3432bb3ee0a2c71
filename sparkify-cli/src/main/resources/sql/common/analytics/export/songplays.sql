-- The fact table, with the year and month of start_time (UTC) to partition by.
SELECT songplay_id, start_time, user_id, level, song_id, artist_id, session_id, item_in_session, location,
       user_agent, song_title, artist_name, song_length,
       CAST(EXTRACT(year FROM start_time) AS INTEGER) AS year,
       CAST(EXTRACT(month FROM start_time) AS INTEGER) AS month
FROM songplays;
