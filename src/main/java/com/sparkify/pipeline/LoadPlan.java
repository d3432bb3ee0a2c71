package com.sparkify.pipeline;

import com.sparkify.source.DataKind;
import com.sparkify.source.SourceFile;
import java.util.List;

/**
 * Which files a run loads.
 *
 * @param toLoad new and changed files
 * @param changed the files of {@code toLoad} loaded before in another version; their old rows go
 * @param unchanged files the ledger already holds as they are
 */
public record LoadPlan(List<SourceFile> toLoad, List<SourceFile> changed, int unchanged) {
    public LoadPlan {
        toLoad = List.copyOf(toLoad);
        changed = List.copyOf(changed);
    }

    public List<SourceFile> toLoad(DataKind kind) {
        return toLoad.stream().filter(file -> file.kind() == kind).toList();
    }

    public long bytes() {
        return toLoad.stream().mapToLong(SourceFile::size).sum();
    }
}
