SELECT start_time, hour, day, week, month, year, weekday FROM "time";
