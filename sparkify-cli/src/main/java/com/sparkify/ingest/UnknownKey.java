package com.sparkify.ingest;

import static java.util.Objects.requireNonNull;

/**
 * A top-level key of staged records that the staging layout does not know, so its values were not loaded.
 *
 * @param kind {@code songs} or {@code events}
 * @param key the key as written in the JSON (escapes decoded)
 * @param records staged records that held it
 * @param exampleFile one file holding it (the first by uri)
 */
public record UnknownKey(String kind, String key, long records, String exampleFile) {
    public UnknownKey {
        requireNonNull(kind, "kind is null");
        requireNonNull(key, "key is null");
        requireNonNull(exampleFile, "exampleFile is null");
    }
}
