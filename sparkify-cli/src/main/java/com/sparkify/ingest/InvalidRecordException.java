package com.sparkify.ingest;

/** A record that breaks the layout; its message becomes the reject reason. Never leaves this package. */
final class InvalidRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidRecordException(String reason) {
        super(reason, null, false, false);
    }
}
