-- A script for SqlScriptsTest: statements that only succeed in order, one with a parameter.
CREATE TABLE copied (n INTEGER);
/* a block comment belongs to the statement it starts */
INSERT INTO copied SELECT n FROM source;
INSERT INTO copied VALUES (${extra});
