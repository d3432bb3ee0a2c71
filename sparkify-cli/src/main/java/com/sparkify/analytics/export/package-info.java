/** The star schema as partitioned Parquet files, written by DuckDB whatever the warehouse engine. */
package com.sparkify.analytics.export;
