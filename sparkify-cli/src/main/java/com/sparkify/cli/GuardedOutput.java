package com.sparkify.cli;

import com.sparkify.analytics.RowSink;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Passes an answer to its format and stops the query once the output cannot take more: the reader of a
 * pipe went away ({@code | head}), or the disk of a redirected file is full. A {@link java.io.PrintWriter}
 * keeps a failed write to itself, so the output is asked every {@value #CHECK_EVERY} rows.
 */
final class GuardedOutput implements RowSink {
    static final int CHECK_EVERY = 1000;

    private final RowSink format;
    private final BooleanSupplier failed;
    private long rows;

    GuardedOutput(RowSink format, BooleanSupplier failed) {
        this.format = format;
        this.failed = failed;
    }

    @Override
    public void start(String name, List<String> columns) {
        format.start(name, columns);
        check();
    }

    @Override
    public void row(List<Object> values) {
        format.row(values);
        if (++rows % CHECK_EVERY == 0) {
            check();
        }
    }

    @Override
    public void end(List<String> notes) {
        format.end(notes);
        check();
    }

    /** Rows passed so far. */
    long rows() {
        return rows;
    }

    private void check() {
        if (failed.getAsBoolean()) {
            throw new OutputFailed();
        }
    }

    /** The output cannot take more; the query stops. */
    static final class OutputFailed extends RuntimeException {
        OutputFailed() {
            super("the output cannot take more", null, false, false);
        }
    }
}
