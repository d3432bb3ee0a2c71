package com.sparkify.source;

import static java.util.Objects.requireNonNull;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/** A folder searched recursively, or a single file, on this machine. */
public final class LocalFileSource implements FileSource {
    private final Path root;
    private final DataKind kind;

    public LocalFileSource(Path root, DataKind kind) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
        this.kind = requireNonNull(kind, "kind is null");
    }

    @Override
    public List<SourceFile> list() {
        if (!Files.exists(root)) {
            throw new SparkifyException(
                    ErrorCode.INPUT,
                    "Expected " + kind.label() + " data at " + root + ", found nothing there; check --"
                            + (kind == DataKind.SONGS ? "songs" : "logs") + " or the config file");
        }
        if (!Files.isReadable(root)) {
            throw new SparkifyException(ErrorCode.INPUT, "Cannot read " + root + ": permission denied");
        }
        Map<Path, BasicFileAttributes> found = new TreeMap<>();
        try {
            // One stat per file: the walk's own attributes give type, size and modification time.
            Files.walkFileTree(
                    root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) {
                            if (isDataFile(path, attributes)) {
                                found.put(path, attributes);
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException | UncheckedIOException e) {
            throw new SparkifyException(ErrorCode.INPUT, "Cannot list " + root + ": " + e.getMessage(), e);
        }
        // A file reached twice, through a link inside the tree (logs/latest -> 2018/11), is one file: the
        // first path in order stands for it.
        Set<Object> seen = new HashSet<>();
        List<SourceFile> files = new ArrayList<>();
        found.forEach((path, attributes) -> {
            Object key = attributes.fileKey();
            if (key == null || seen.add(key)) {
                files.add(describe(path, attributes));
            }
        });
        return List.copyOf(files);
    }

    private static boolean isDataFile(Path path, BasicFileAttributes attributes) {
        String name = path.getFileName().toString();
        return (name.endsWith(".json") || name.endsWith(".json.gz")) && attributes.isRegularFile();
    }

    private SourceFile describe(Path path, BasicFileAttributes attributes) {
        String marker = attributes.lastModifiedTime().toMillis() + "-" + attributes.size();
        return new SourceFile(path.toString(), kind, attributes.size(), marker, Optional.of(path));
    }

    @Override
    public InputStream open(SourceFile file) throws IOException {
        Path path = file.localPath().orElseThrow(() -> new IllegalArgumentException("not a local file: " + file));
        InputStream in = new BufferedInputStream(new ListedBytes(Files.newInputStream(path), file.size()), 1 << 16);
        return file.gzipped() ? new GZIPInputStream(in, 1 << 16) : in;
    }

    @Override
    public String describe() {
        return root.toString();
    }
}
