-- A script for SqlScriptsTest: the guarded insert runs only when source has rows.
CREATE TABLE IF NOT EXISTS copied (n INTEGER);
/* only when source has rows */
INSERT INTO copied SELECT n FROM source;
INSERT INTO copied VALUES (-1);
