-- The songplay keys this run touched (EtlPipeline runs the full checks when they are half of songplays).
SELECT COUNT(*) FROM etl_changed_plays
