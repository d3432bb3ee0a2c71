package com.sparkify.warehouse.duckdb;

import com.sparkify.ErrorCode;
import com.sparkify.Messages;
import com.sparkify.SparkifyException;

/**
 * Loads DuckDB's native library before the first connection, so that a failure is one clear line rather
 * than the driver's stack trace. From the self-contained jar the driver first copies the library into the
 * temp folder, which must exist, be writable, and allow running code (not mounted noexec).
 */
public final class DuckDbLibrary {
    private DuckDbLibrary() {}

    public static void load() {
        StaleNativeCopies.removeFromTempFolder();
        try {
            Class.forName("org.duckdb.DuckDBNative");
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SparkifyException(
                    ErrorCode.WAREHOUSE_FAILED,
                    "Cannot load DuckDB's native library (" + rootCause(e) + "). It is copied into the temp folder "
                            + System.getProperty("java.io.tmpdir") + " first: that folder must exist, be writable "
                            + "and not be mounted noexec; choose another with java -Djava.io.tmpdir=DIR -jar ..., "
                            + "or run ./sparkify, which loads the library in place",
                    e);
        }
    }

    static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : ": " + Messages.firstLine(cause);
        return cause.getClass().getSimpleName() + message;
    }
}
