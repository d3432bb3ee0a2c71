-- Called while holding the run lock: a run still 'running' died without finishing.
UPDATE etl_runs SET status = 'interrupted' WHERE status = 'running';
