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
    /** The warehouse cannot be reached: no connection, a connection lost, a timeout. Worth retrying. */
    WAREHOUSE_UNREACHABLE(5),
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
     * The warehouse rejected a statement, or its engine cannot start (a native library that will not load, a
     * damaged file). The same run fails the same way again: not worth retrying.
     */
    WAREHOUSE_FAILED(11),
    /** {@code --wait} ran out while another run held the warehouse. Worth retrying later. */
    WAIT_TIMEOUT(12),
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
