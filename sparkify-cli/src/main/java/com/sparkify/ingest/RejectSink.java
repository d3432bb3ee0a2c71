package com.sparkify.ingest;

/** Receives every record that could not be staged. */
@FunctionalInterface
public interface RejectSink {
    void reject(Reject reject);
}
