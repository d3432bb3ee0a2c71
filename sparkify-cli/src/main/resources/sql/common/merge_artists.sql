-- One row per artist_id. Of an artist's records, one with a known location and coordinates wins, then
-- the last file by path. Empty names and locations are unknown: NULL.
DELETE FROM artists WHERE artist_id IN (SELECT artist_id FROM etl_changed_artists);

INSERT INTO artists (artist_id, name, location, latitude, longitude)
SELECT artist_id, NULLIF(artist_name, ''), NULLIF(artist_location, ''), artist_latitude, artist_longitude
FROM (
    SELECT s.*,
           ROW_NUMBER() OVER (
               PARTITION BY artist_id
               ORDER BY CASE WHEN artist_location IS NULL OR artist_location = '' THEN 1 ELSE 0 END,
                        CASE WHEN artist_latitude IS NULL THEN 1 ELSE 0 END,
                        source_file DESC,
                        source_record DESC) AS pick
    FROM staging_songs s
    WHERE artist_id IN (SELECT artist_id FROM etl_changed_artists)
) ranked
WHERE pick = 1;
