/** Data-quality checks and their report. The checks are SQL in {@code sql/common/checks.sql}. */
package com.sparkify.quality;
