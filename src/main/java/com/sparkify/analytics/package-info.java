/** Named analytics queries over the star schema; their SQL is in {@code sql/common/analytics/}. */
package com.sparkify.analytics;
