package com.sparkify.warehouse.redshift;

import java.util.LinkedHashMap;
import java.util.Map;

/** Keeps what would be written to S3, by uri. */
final class FakeManifestStore implements ManifestStore {
    final Map<String, String> objects = new LinkedHashMap<>();

    @Override
    public synchronized void put(String s3Uri, String content) {
        objects.put(s3Uri, content);
    }
}
