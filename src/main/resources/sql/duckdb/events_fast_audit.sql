-- Records per file in the holding table, and how many of them the Java parser would reject.
SELECT source_file, count(*) AS records, count(*) FILTER (WHERE NOT coalesce(valid, false)) AS invalid
FROM pending_events
GROUP BY source_file;
