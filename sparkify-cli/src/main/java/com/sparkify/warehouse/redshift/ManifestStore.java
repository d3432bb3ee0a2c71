package com.sparkify.warehouse.redshift;

/** Where COPY manifests and JSONPaths files are written for Redshift to read: S3, or a fake in tests. */
interface ManifestStore {
    /**
     * Writes {@code content} to {@code s3Uri}, replacing what is there.
     *
     * @throws com.sparkify.SparkifyException when the object cannot be written
     */
    void put(String s3Uri, String content);
}
