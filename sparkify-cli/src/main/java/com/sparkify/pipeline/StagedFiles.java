package com.sparkify.pipeline;

import com.sparkify.ingest.FileCounts;
import com.sparkify.ingest.UnknownKeys;
import com.sparkify.source.DataKind;
import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.LoadedFile;
import com.sparkify.warehouse.StagingLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files a run staged, as the staging loader reports them, and their records' counts and unknown keys. */
final class StagedFiles implements StagingLoader.Listener {
    private final EtlListener listener;
    private final RunProgress progress;
    private final Map<SourceFile, FileCounts> loaded = new LinkedHashMap<>();
    private final UnknownKeys unknownKeys = new UnknownKeys();
    private FileCounts songs = FileCounts.ZERO;
    private FileCounts events = FileCounts.ZERO;

    StagedFiles(EtlListener listener, RunProgress progress) {
        this.listener = listener;
        this.progress = progress;
    }

    @Override
    public void staged(SourceFile file, FileCounts counts) {
        loaded.put(file, counts);
        if (file.kind() == DataKind.SONGS) {
            songs = songs.plus(counts);
        } else {
            events = events.plus(counts);
        }
        listener.staged(file, counts);
        progress.stopIfCancelled();
    }

    @Override
    public void unknownKeys(SourceFile file, Map<String, Long> recordsByKey) {
        unknownKeys.add(file.kind(), file.uri(), recordsByKey);
    }

    int count() {
        return loaded.size();
    }

    List<LoadedFile> files() {
        List<LoadedFile> files = new ArrayList<>();
        loaded.forEach((file, counts) -> files.add(new LoadedFile(file, counts)));
        return files;
    }

    FileCounts songs() {
        return songs;
    }

    FileCounts events() {
        return events;
    }

    UnknownKeys unknownKeys() {
        return unknownKeys;
    }
}
