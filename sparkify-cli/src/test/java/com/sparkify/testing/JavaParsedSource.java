package com.sparkify.testing;

import com.sparkify.source.FileSource;
import com.sparkify.source.LocalFileSource;
import com.sparkify.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A local folder whose files are listed without their local path, as a remote source lists them: DuckDB's
 * fast path reads only local files, so every file of this source is staged by the Java parser.
 */
public final class JavaParsedSource implements FileSource {
    private final LocalFileSource local;

    public JavaParsedSource(LocalFileSource local) {
        this.local = local;
    }

    @Override
    public List<SourceFile> list() {
        return local.list().stream()
                .map(file ->
                        new SourceFile(file.uri(), file.kind(), file.size(), file.changeMarker(), Optional.empty()))
                .toList();
    }

    @Override
    public InputStream open(SourceFile file) throws IOException {
        return local.open(new SourceFile(
                file.uri(), file.kind(), file.size(), file.changeMarker(), Optional.of(Path.of(file.uri()))));
    }

    @Override
    public String describe() {
        return local.describe();
    }
}
