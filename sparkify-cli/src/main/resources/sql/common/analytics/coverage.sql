-- Plays in the period and how many matched the song catalog: the footer of every answer.
SELECT COUNT(*), COUNT(song_id), MIN(start_time), MAX(start_time)
FROM songplays
WHERE start_time >= ${from} AND start_time < ${to};
