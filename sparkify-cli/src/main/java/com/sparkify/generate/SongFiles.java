package com.sparkify.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes one Million Song Dataset file per song under {@code song_data/A/B/C/}. */
final class SongFiles {
    private final JsonFactory factory;
    private final Path root;

    SongFiles(JsonFactory factory, Path root) {
        this.factory = factory;
        this.root = root;
    }

    /** Where a track's file goes: its folders are the 3rd, 4th and 5th characters of its id. */
    static Path pathOf(Path root, String trackId) {
        return root.resolve(trackId.substring(2, 3))
                .resolve(trackId.substring(3, 4))
                .resolve(trackId.substring(4, 5))
                .resolve(trackId + ".json");
    }

    void write(Song song) throws IOException {
        Path file = pathOf(root, song.trackId());
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator json = factory.createGenerator(out)) {
            json.setPrettyPrinter(new PythonSpacing());
            Artist artist = song.artist();
            json.writeStartObject();
            json.writeNumberField("num_songs", 1);
            json.writeStringField("artist_id", artist.id());
            writeCoordinate(json, "artist_latitude", artist.latitude());
            writeCoordinate(json, "artist_longitude", artist.longitude());
            json.writeStringField("artist_location", artist.location());
            json.writeStringField("artist_name", artist.name());
            json.writeStringField("song_id", song.songId());
            json.writeStringField("title", song.title());
            json.writeNumberField("duration", song.duration());
            json.writeNumberField("year", song.year());
            json.writeEndObject();
        }
    }

    private static void writeCoordinate(JsonGenerator json, String name, BigDecimal value) throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value);
        }
    }

    /** The spacing of Python's json.dump, which produced the public song files: {"a": 1, "b": 2}. */
    private static final class PythonSpacing extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator json) throws IOException {
            json.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator json) throws IOException {
            json.writeRaw(", ");
        }
    }
}
