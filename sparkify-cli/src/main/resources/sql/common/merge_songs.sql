-- One row per song_id. Of duplicates in the source, the record of the last file (by path) wins.
-- A year of 0 means unknown in the Million Song Dataset: NULL here.
DELETE FROM songs WHERE song_id IN (SELECT song_id FROM etl_changed_songs);

INSERT INTO songs (song_id, title, artist_id, year, duration)
SELECT song_id, title, artist_id, NULLIF(year, 0), duration
FROM (
    SELECT s.*,
           ROW_NUMBER() OVER (PARTITION BY song_id ORDER BY source_file DESC, source_record DESC) AS pick
    FROM staging_songs s
    WHERE song_id IN (SELECT song_id FROM etl_changed_songs)
) ranked
WHERE pick = 1;
