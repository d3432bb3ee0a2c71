package com.sparkify.ingest;

/** Receives staged rows in {@link RecordLayout} column order, for one file at a time. */
@FunctionalInterface
public interface RowWriter {
    /**
     * @param values one value per layout field: String, Long, Integer, Double or null
     * @param sourceRecord 1-based position of the record in its file
     */
    void write(Object[] values, long sourceRecord);
}
