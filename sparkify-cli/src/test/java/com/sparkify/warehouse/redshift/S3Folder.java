package com.sparkify.warehouse.redshift;

import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.LocalFileSource;
import com.sparkify.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A local folder seen as S3 objects: {@code s3://BUCKET/PREFIX/relative/path}, as the s3 branch's
 * S3ObjectSource will list them (uri, size, a change marker), with the bytes read from disk.
 */
final class S3Folder implements FileSource {
    private final LocalFileSource local;
    private final Path root;
    private final String prefix;

    S3Folder(Path root, DataKind kind, String prefix) {
        this.local = new LocalFileSource(root, kind);
        this.root = root.toAbsolutePath().normalize();
        this.prefix = prefix;
    }

    @Override
    public List<SourceFile> list() {
        return local.list().stream()
                .map(file -> new SourceFile(
                        prefix + "/"
                                + root.relativize(file.localPath().orElseThrow())
                                        .toString()
                                        .replace('\\', '/'),
                        file.kind(),
                        file.size(),
                        "etag-" + file.changeMarker(),
                        file.localPath()))
                .toList();
    }

    @Override
    public InputStream open(SourceFile file) throws IOException {
        return local.open(file);
    }

    @Override
    public String describe() {
        return prefix;
    }
}
