-- Upgrades (free -> paid) and downgrades (paid -> free) per day (UTC), from the level history in
-- user_levels. Filtered on the time of the change, not of a play. Days without changes are not listed.
WITH changes AS (
    SELECT user_id, level, valid_from,
           LAG(level) OVER (PARTITION BY user_id ORDER BY valid_from) AS previous_level
    FROM user_levels
)
SELECT CAST(valid_from AS DATE) AS day,
       COUNT(CASE WHEN previous_level = 'free' AND level = 'paid' THEN 1 END) AS upgrades,
       COUNT(CASE WHEN previous_level = 'paid' AND level = 'free' THEN 1 END) AS downgrades,
       COUNT(DISTINCT user_id) AS users
FROM changes
WHERE previous_level IS NOT NULL AND valid_from >= ${from} AND valid_from < ${to}
GROUP BY CAST(valid_from AS DATE)
ORDER BY day
LIMIT ${limit};
