package com.sparkify.warehouse.duckdb;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a DuckDB warehouse: the database, its write-ahead log {@code <file>.wal} and its spill folder
 * {@code <file>.tmp}, which DuckDB creates when a statement outgrows the memory limit and removes when the
 * database closes. A killed process leaves its spill folder behind, and DuckDB never removes a folder it did
 * not create.
 *
 * <p>Readers open {@code <file>.snapshot}, a checkpointed copy that only writers replace, by renaming {@code
 * <file>.snapshot.next} over it. {@code <file>.publish-pending} exists while the database may be ahead of the
 * snapshot, and {@code <file>.compact} is the new file a full refresh builds and swaps in.
 */
record WarehouseFiles(Path file) {
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseFiles.class);

    Path log() {
        return file.resolveSibling(file.getFileName() + ".wal");
    }

    Path spillFolder() {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    /** What readers open: a complete, checkpointed copy of the database as of the last publish. */
    Path snapshot() {
        return sibling(".snapshot");
    }

    /** The snapshot being written; renamed over {@link #snapshot()} once complete. */
    Path nextSnapshot() {
        return sibling(".snapshot.next");
    }

    /**
     * A second name of the snapshot a publish replaces, so that the rename does not free the old copy's blocks:
     * freeing them takes longer than the copy, and is removed once readers see the new snapshot.
     */
    Path retiredSnapshot() {
        return sibling(".snapshot.old");
    }

    /** Present while the database may hold what the snapshot does not. */
    Path publishPending() {
        return sibling(".publish-pending");
    }

    /** The new database that a full refresh builds, then renames over the database. */
    Path compacted() {
        return sibling(".compact");
    }

    /** The write-ahead log of {@link #compacted()}. */
    Path compactedLog() {
        return sibling(".compact.wal");
    }

    /** Removes a full refresh's new file and its log; while this process holds the file's lock. */
    void removeCompacted() {
        delete(compacted());
        delete(compactedLog());
    }

    private Path sibling(String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /**
     * Removes what a killed process left: its spill folder, a half-written snapshot, a full refresh's new file
     * and its log. Only while this process holds the file's lock.
     */
    void removeStaleFiles() {
        for (Path path : List.of(spillFolder(), nextSnapshot(), retiredSnapshot(), compacted(), compactedLog())) {
            if (Files.exists(path)) {
                LOG.debug("removing {}, left by a process that was killed", path);
                delete(path);
            }
        }
    }

    /** Marks the database as possibly ahead of the snapshot; while this process holds the file's lock. */
    void markPublishPending() {
        try {
            Files.write(publishPending(), new byte[0]);
        } catch (IOException e) {
            throw new SparkifyException(
                    ErrorCode.WAREHOUSE_FAILED, "Cannot create " + publishPending() + " beside the warehouse: " + e, e);
        }
    }

    boolean publishIsPending() {
        return Files.exists(publishPending());
    }

    /** Removes the database, its log, its spill folder, its snapshot and its marker; once it is closed. */
    void removeAll() {
        for (Path path : List.of(
                file,
                log(),
                spillFolder(),
                snapshot(),
                nextSnapshot(),
                retiredSnapshot(),
                publishPending(),
                compacted(),
                compactedLog())) {
            delete(path);
        }
    }

    /** Never fails: what it cannot remove, it logs. */
    private static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not remove {}: {}", path, e.getMessage());
        }
    }
}
