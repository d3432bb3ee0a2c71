-- Plays and distinct users by browser and operating system, parsed from the user agent by the first
-- matching rule below (Chrome's agent also names Safari, an iPhone's names Mac OS X, Android's Linux).
-- Browser: Edge/ -> Edge; OPR/ or Opera -> Opera; Chromium/ -> Chromium; Chrome/ or CriOS/ -> Chrome;
-- Firefox/ -> Firefox; Trident/ or MSIE -> Internet Explorer; Safari/ -> Safari; else other.
-- OS: iPhone or iPad -> iOS; Android -> Android; Windows -> Windows; Mac OS X -> macOS; Linux or X11 -> Linux;
-- else other. A missing user agent is unknown. plays_pct: share of all plays in percent.
WITH plays AS (
    SELECT * FROM songplays WHERE start_time >= ${from} AND start_time < ${to}
),
parsed AS (
    SELECT user_id,
           CASE
               WHEN user_agent IS NULL OR user_agent = '' THEN 'unknown'
               WHEN user_agent LIKE '%Edge/%' THEN 'Edge'
               WHEN user_agent LIKE '%OPR/%' OR user_agent LIKE '%Opera%' THEN 'Opera'
               WHEN user_agent LIKE '%Chromium/%' THEN 'Chromium'
               WHEN user_agent LIKE '%Chrome/%' OR user_agent LIKE '%CriOS/%' THEN 'Chrome'
               WHEN user_agent LIKE '%Firefox/%' THEN 'Firefox'
               WHEN user_agent LIKE '%Trident/%' OR user_agent LIKE '%MSIE %' THEN 'Internet Explorer'
               WHEN user_agent LIKE '%Safari/%' THEN 'Safari'
               ELSE 'other'
           END AS browser,
           CASE
               WHEN user_agent IS NULL OR user_agent = '' THEN 'unknown'
               WHEN user_agent LIKE '%iPhone%' OR user_agent LIKE '%iPad%' THEN 'iOS'
               WHEN user_agent LIKE '%Android%' THEN 'Android'
               WHEN user_agent LIKE '%Windows%' THEN 'Windows'
               WHEN user_agent LIKE '%Mac OS X%' THEN 'macOS'
               WHEN user_agent LIKE '%Linux%' OR user_agent LIKE '%X11%' THEN 'Linux'
               ELSE 'other'
           END AS os
    FROM plays
)
SELECT browser,
       os,
       COUNT(*) AS plays,
       COUNT(DISTINCT user_id) AS users,
       CAST(100.0 * COUNT(*) / (SELECT COUNT(*) FROM parsed) AS DECIMAL(5, 2)) AS plays_pct
FROM parsed
GROUP BY browser, os
ORDER BY plays DESC, browser, os
LIMIT ${limit};
