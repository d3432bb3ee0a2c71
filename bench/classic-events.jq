# One event per input line -> one CSV row for bench/postgres-classic-typed.sql's staging_events.
[.artist, .auth, .firstName, .gender, .itemInSession, .lastName, .length, .level, .location, .method,
 .page, .registration, .sessionId, .song, .status, .ts, .userAgent, .userId] | @csv
