package com.sparkify.source;

/** The two piles of raw data. */
public enum DataKind {
    /** Million Song Dataset metadata: one or more JSON objects per file. */
    SONGS,
    /** eventsim app activity: newline-delimited JSON events. */
    EVENTS;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
