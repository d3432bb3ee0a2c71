/** Benchmark helpers: replicating a dataset to a target size, and the bare DuckDB read_json floor. */
package com.sparkify.bench;
