-- SparkRunBranchIT: a write of the run's session, which goes to the run's branch.
INSERT INTO users (user_id, first_name, last_name, gender, level) VALUES (99, 'Kim', 'Lee', 'F', 'free');
