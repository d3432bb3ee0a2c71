package com.sparkify.ingest;

/** The staging type of a source attribute. */
public enum FieldType {
    TEXT,
    BIGINT,
    INTEGER,
    DOUBLE
}
