COPY etl_copy_songs (num_songs, artist_id, artist_latitude, artist_longitude, artist_location, artist_name, song_id, title, duration, year)
FROM 's3://my-sparkify/manifests/run-7/songs-000001.manifest'
IAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole'
FORMAT AS JSON 's3://my-sparkify/manifests/jsonpaths/songs.json'
MAXERROR 100000
MANIFEST
COMPUPDATE OFF
STATUPDATE OFF;
