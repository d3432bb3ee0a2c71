package com.sparkify.generate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * What the generator wrote.
 *
 * @param songData the {@code song_data} folder
 * @param logData the {@code log_data} folder
 * @param songFiles song files written
 * @param eventFiles daily event logs written
 * @param events events written, all pages
 * @param nextSongEvents events with page NextSong
 */
public record GeneratedDataset(
        Path songData, Path logData, long songFiles, long eventFiles, long events, long nextSongEvents) {
    public GeneratedDataset {
        requireNonNull(songData, "songData is null");
        requireNonNull(logData, "logData is null");
    }
}
