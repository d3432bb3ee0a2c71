SELECT user_id, first_name, last_name, gender, level FROM users;
