package com.sparkify.warehouse.duckdb;

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
 */
record WarehouseFiles(Path file) {
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseFiles.class);

    Path log() {
        return file.resolveSibling(file.getFileName() + ".wal");
    }

    Path spillFolder() {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    /** Removes a spill folder left by a killed process; only while this process holds the file's lock. */
    void removeStaleSpillFolder() {
        if (Files.exists(spillFolder())) {
            LOG.debug("removing {}, left by a process that was killed", spillFolder());
            delete(spillFolder());
        }
    }

    /** Removes the database, its log and its spill folder; once the database is closed. */
    void removeAll() {
        for (Path path : List.of(file, log(), spillFolder())) {
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
