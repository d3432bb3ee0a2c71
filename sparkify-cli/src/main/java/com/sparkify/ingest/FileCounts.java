package com.sparkify.ingest;

/**
 * How the records of one file were accounted for: {@code read = staged + rejected}, always.
 *
 * @param read records read (blank lines are not records)
 * @param staged records written to staging
 * @param rejected records sent to load_errors
 */
public record FileCounts(long read, long staged, long rejected) {
    public static final FileCounts ZERO = new FileCounts(0, 0, 0);

    public FileCounts {
        if (read != staged + rejected) {
            throw new IllegalArgumentException("read " + read + " != staged " + staged + " + rejected " + rejected);
        }
    }

    public FileCounts plus(FileCounts other) {
        return new FileCounts(read + other.read, staged + other.staged, rejected + other.rejected);
    }
}
