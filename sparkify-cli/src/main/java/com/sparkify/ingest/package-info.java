/**
 * JSON records to typed staging rows or rejects. Every record read ends up in exactly one of the two: a
 * {@link com.sparkify.ingest.RowWriter} or a {@link com.sparkify.ingest.RejectSink}, with file and line.
 */
package com.sparkify.ingest;
