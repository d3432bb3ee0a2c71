package com.sparkify.source;

import static java.util.Objects.requireNonNull;

import com.sparkify.Messages;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The {@code .json} and {@code .json.gz} objects at an {@link S3Location}, sorted by key. A file's uri is
 * {@code s3://bucket/key} and its change marker the object's ETag and size. Objects are downloaded ahead of
 * the reader, a bounded number at a time ({@link ReadAhead}). Made by {@link S3Storage}, which closes it.
 */
public final class S3ObjectSource implements FileSource, AutoCloseable {
    private final S3Client client;
    private final S3Location location;
    private final DataKind kind;
    private final S3Errors errors;
    private final ExecutorService pool = Executors.newFixedThreadPool(ReadAhead.DEPTH, runnable -> {
        Thread thread = new Thread(runnable, "s3-read-ahead");
        thread.setDaemon(true);
        return thread;
    });
    private ReadAhead readAhead;

    S3ObjectSource(S3Client client, S3Location location, DataKind kind, S3Errors errors) {
        this.client = requireNonNull(client, "client is null");
        this.location = requireNonNull(location, "location is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.errors = requireNonNull(errors, "errors is null");
        this.readAhead = new ReadAhead(List.of(), this::fetch, pool);
    }

    @Override
    public List<SourceFile> list() {
        ListObjectsV2Request request = ListObjectsV2Request.builder()
                .bucket(location.bucket())
                .prefix(location.prefix())
                .build();
        List<SourceFile> files = new ArrayList<>();
        boolean anything = false;
        try {
            for (S3Object object : client.listObjectsV2Paginator(request).contents()) {
                if (location.holds(object.key())) {
                    anything = true;
                    if (isDataFile(object.key())) {
                        files.add(describe(object));
                    }
                }
            }
        } catch (SdkException e) {
            throw errors.translate(e, location.toString());
        }
        if (!anything) {
            throw errors.nothingThere();
        }
        files.sort(Comparator.comparing(SourceFile::uri));
        synchronized (this) {
            readAhead.close();
            readAhead = new ReadAhead(files, this::fetch, pool);
        }
        return List.copyOf(files);
    }

    private static boolean isDataFile(String key) {
        return key.endsWith(".json") || key.endsWith(".json.gz");
    }

    private SourceFile describe(S3Object object) {
        String etag = object.eTag() == null ? "" : object.eTag().replace("\"", "");
        long size = object.size() == null ? 0 : object.size();
        return new SourceFile(location.uri(object.key()), kind, size, etag + "-" + size, Optional.empty());
    }

    @Override
    public InputStream open(SourceFile file) throws IOException {
        ReadAhead current;
        synchronized (this) {
            current = readAhead;
        }
        Optional<byte[]> body = current.take(file);
        InputStream in = body.isPresent() ? new ByteArrayInputStream(body.get()) : stream(file);
        return file.gzipped() ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private GetObjectRequest request(SourceFile file) {
        return GetObjectRequest.builder()
                .bucket(location.bucket())
                .key(location.key(file.uri()))
                .build();
    }

    private byte[] fetch(SourceFile file) throws IOException {
        try {
            return client.getObjectAsBytes(request(file)).asByteArrayUnsafe();
        } catch (SdkException e) {
            if (S3Errors.cutShort(e)) {
                throw new IOException("the download ended before the object's end: " + Messages.firstLine(e), e);
            }
            throw errors.translate(e, file.uri());
        }
    }

    private InputStream stream(SourceFile file) {
        try {
            return new BufferedInputStream(new FailuresAsIo(client.getObject(request(file))), 1 << 16);
        } catch (SdkException e) {
            throw errors.translate(e, file.uri());
        }
    }

    @Override
    public String describe() {
        return errors.describe();
    }

    @Override
    public synchronized void close() {
        readAhead.close();
        pool.shutdownNow();
    }

    /** A streamed object whose SDK failures (a checksum mismatch at its end) reach the reader as I/O errors. */
    private static final class FailuresAsIo extends FilterInputStream {
        FailuresAsIo(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (SdkException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (SdkException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }
}
