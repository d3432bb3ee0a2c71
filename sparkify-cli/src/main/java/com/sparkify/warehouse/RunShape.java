package com.sparkify.warehouse;

/**
 * What an engine may size a phase of a run by.
 *
 * @param inputBytes the bytes of the files the run loads
 * @param fresh the warehouse holds no earlier load (a first run, or a full refresh)
 * @param fullRefresh the run forgets everything loaded before and loads every file again
 */
public record RunShape(long inputBytes, boolean fresh, boolean fullRefresh) {
    /** The shape outside a run, or before the ledger is read: no input known yet. */
    public static final RunShape UNKNOWN = new RunShape(0, false, false);

    /** The shape of a run before its ledger is read: only whether it is a full refresh is known. */
    public static RunShape before(boolean fullRefresh) {
        return new RunShape(0, false, fullRefresh);
    }

    public RunShape {
        if (inputBytes < 0) {
            throw new IllegalArgumentException("inputBytes must be >= 0, was " + inputBytes);
        }
    }
}
