package com.sparkify.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * A source in which a run found no {@code .json} or {@code .json.gz} file at all: most often a wrong folder
 * or a wrong extension, since a daily run finds the files it loaded before.
 *
 * @param kind what the source should hold: {@code songs} or {@code events}
 * @param location where it was looked for (a folder, a file or {@code s3://bucket/prefix})
 */
public record EmptySource(String kind, String location) {
    public EmptySource {
        requireNonNull(kind, "kind is null");
        requireNonNull(location, "location is null");
    }
}
