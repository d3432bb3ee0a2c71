SELECT artist_id, name, location, latitude, longitude FROM artists;
