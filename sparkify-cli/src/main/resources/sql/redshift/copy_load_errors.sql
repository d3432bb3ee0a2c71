-- The rows the last COPY of this session rejected. Redshift keeps the first 1,024 bytes of each raw line.
SELECT line_number,
       RTRIM(colname) AS colname,
       RTRIM(err_reason) AS err_reason,
       RTRIM(raw_field_value) AS value,
       RTRIM(raw_line) AS raw_line
FROM stl_load_errors
WHERE query = pg_last_copy_id()
ORDER BY line_number;
