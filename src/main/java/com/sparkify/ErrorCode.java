package com.sparkify;

/** What went wrong, as a documented process exit code. The README lists every code. */
public enum ErrorCode {
    /** An unexpected internal failure; please report it. */
    INTERNAL(1),
    /** A bad flag or argument on the command line. */
    USAGE(2),
    /** A configuration value is missing or invalid (config file, environment, JDBC URL). */
    CONFIG(3),
    /** An input path does not exist or cannot be read. */
    INPUT(4),
    /** The warehouse cannot be reached or rejected a statement. */
    WAREHOUSE(5),
    /** More records were rejected than --max-errors allows; nothing was published. */
    TOO_MANY_REJECTS(6),
    /** A data-quality check failed. */
    CHECK_FAILED(7),
    /** Another run holds the warehouse. */
    BUSY(8),
    /** The disk holding the warehouse or the output is full. */
    DISK_FULL(9),
    /** The warehouse holds no data for the question asked. */
    EMPTY(10),
    /**
     * A signal stopped the run before it committed; nothing was published. The JVM exits 128 + the signal's
     * number: 130 for SIGINT (Ctrl-C), 143 for SIGTERM.
     */
    INTERRUPTED(130);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
