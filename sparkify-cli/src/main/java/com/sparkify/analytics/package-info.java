/**
 * Answers for analysts: the named analyses ({@link com.sparkify.analytics.Analysis}, SQL in
 * {@code sql/common/analytics/}), read-only ad-hoc SQL, the repair of double-encoded text, the HTML report and
 * the Parquet export.
 */
package com.sparkify.analytics;
