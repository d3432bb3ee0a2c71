COPY etl_copy_events (artist, auth, first_name, gender, item_in_session, last_name, length, level, location, method, page, registration, session_id, song, status, ts, user_agent, user_id)
FROM 's3://my-sparkify/manifests/run-7/events-000001.manifest'
IAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole'
FORMAT AS JSON 's3://udacity-dend/log_json_path.json'
REGION 'us-west-2'
MAXERROR 100000
MANIFEST
COMPUPDATE OFF
STATUPDATE OFF;

COPY etl_copy_events (artist, auth, first_name, gender, item_in_session, last_name, length, level, location, method, page, registration, session_id, song, status, ts, user_agent, user_id)
FROM 's3://my-sparkify/manifests/run-7/events-000002.manifest'
IAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole'
FORMAT AS JSON 's3://udacity-dend/log_json_path.json'
GZIP
REGION 'us-west-2'
MAXERROR 100000
MANIFEST
COMPUPDATE OFF
STATUPDATE OFF;
