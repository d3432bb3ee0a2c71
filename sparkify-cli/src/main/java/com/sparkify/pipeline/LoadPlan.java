package com.sparkify.pipeline;

import com.sparkify.source.DataKind;
import com.sparkify.source.SourceFile;
import java.util.List;
import java.util.Map;

/**
 * Which files a run loads.
 *
 * @param toLoad new and changed files
 * @param changed the files of {@code toLoad} loaded before in another version; their old rows go
 * @param unchanged files the ledger already holds as they are
 * @param fresh the warehouse holds no earlier load (a first run, or {@code --full-refresh}): staging will
 *     hold this run's rows only, and the merges need not look for the keys they touch
 */
public record LoadPlan(List<SourceFile> toLoad, List<SourceFile> changed, int unchanged, boolean fresh) {
    public LoadPlan {
        toLoad = List.copyOf(toLoad);
        changed = List.copyOf(changed);
    }

    public List<SourceFile> toLoad(DataKind kind) {
        return toLoad.stream().filter(file -> file.kind() == kind).toList();
    }

    /** The parameters of the merge scripts: the run's {@code load_id}, and {@code fresh}, 1 or 0. */
    public Map<String, Long> mergeParameters(long loadId) {
        return Map.of("load_id", loadId, "fresh", fresh ? 1L : 0L);
    }

    public long bytes() {
        return toLoad.stream().mapToLong(SourceFile::size).sum();
    }
}
