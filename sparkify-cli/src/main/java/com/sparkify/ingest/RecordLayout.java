package com.sparkify.ingest;

import static com.sparkify.ingest.FieldType.BIGINT;
import static com.sparkify.ingest.FieldType.DOUBLE;
import static com.sparkify.ingest.FieldType.INTEGER;
import static com.sparkify.ingest.FieldType.TEXT;
import static java.util.Objects.requireNonNull;

import com.sparkify.source.DataKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes of one kind of record, in staging column order. The staging DDL lists the same columns in
 * the same order, followed by the lineage columns {@code source_file, source_record, load_id}.
 */
public record RecordLayout(DataKind kind, List<Field> fields) {
    public static final RecordLayout EVENTS = new RecordLayout(
            DataKind.EVENTS,
            List.of(
                    new Field("artist", "artist", TEXT, false),
                    new Field("auth", "auth", TEXT, false),
                    new Field("firstName", "first_name", TEXT, false),
                    new Field("gender", "gender", TEXT, false),
                    new Field("itemInSession", "item_in_session", BIGINT, true),
                    new Field("lastName", "last_name", TEXT, false),
                    new Field("length", "length", DOUBLE, false),
                    new Field("level", "level", TEXT, false),
                    new Field("location", "location", TEXT, false),
                    new Field("method", "method", TEXT, false),
                    new Field("page", "page", TEXT, true),
                    new Field("registration", "registration", DOUBLE, false),
                    new Field("sessionId", "session_id", BIGINT, true),
                    new Field("song", "song", TEXT, false),
                    new Field("status", "status", INTEGER, false),
                    new Field("ts", "ts", BIGINT, true),
                    new Field("userAgent", "user_agent", TEXT, false),
                    new Field("userId", "user_id", TEXT, false)));

    public static final RecordLayout SONGS = new RecordLayout(
            DataKind.SONGS,
            List.of(
                    new Field("num_songs", "num_songs", INTEGER, false),
                    new Field("artist_id", "artist_id", TEXT, true),
                    new Field("artist_latitude", "artist_latitude", DOUBLE, false),
                    new Field("artist_longitude", "artist_longitude", DOUBLE, false),
                    new Field("artist_location", "artist_location", TEXT, false),
                    new Field("artist_name", "artist_name", TEXT, false),
                    new Field("song_id", "song_id", TEXT, true),
                    new Field("title", "title", TEXT, true),
                    new Field("duration", "duration", DOUBLE, false),
                    new Field("year", "year", INTEGER, false)));

    public RecordLayout {
        requireNonNull(kind, "kind is null");
        fields = List.copyOf(fields);
    }

    public static RecordLayout of(DataKind kind) {
        return kind == DataKind.EVENTS ? EVENTS : SONGS;
    }

    /** Position of each JSON key in {@link #fields()}. */
    public Map<String, Integer> indexByJsonName() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            index.put(fields.get(i).jsonName(), i);
        }
        return index;
    }

    public int indexOfColumn(String column) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).column().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + kind);
    }
}
