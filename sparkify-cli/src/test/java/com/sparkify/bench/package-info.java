/**
 * Benchmark tools, kept with the tests so that the product jar and its --help carry none of them: replicating
 * a dataset to a target size, the bare DuckDB read_json floor, the {@code benchmark} command that bench/*.sh
 * run on the test classpath, and the staging measurements.
 */
package com.sparkify.bench;
