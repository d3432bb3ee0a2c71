/**
 * The embedded DuckDB warehouse: a single file, zero setup. Event logs on local disk are staged by DuckDB's
 * own {@code read_json}; files it cannot read cleanly go through the Java parser, which keeps every bad
 * record with its line.
 */
package com.sparkify.warehouse.duckdb;
