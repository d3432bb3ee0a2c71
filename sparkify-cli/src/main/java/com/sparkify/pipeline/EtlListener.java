package com.sparkify.pipeline;

import com.sparkify.ingest.FileCounts;
import com.sparkify.source.SourceFile;

/** Progress of a run, for the terminal. Calls come from the running thread. */
public interface EtlListener {
    EtlListener NONE = new EtlListener() {};

    /** The run will stage this many files holding this many bytes. */
    default void planned(int files, long bytes) {}

    default void staged(SourceFile file, FileCounts counts) {}

    /** A new phase begins: "transform", "checks". */
    default void phase(String name) {}
}
