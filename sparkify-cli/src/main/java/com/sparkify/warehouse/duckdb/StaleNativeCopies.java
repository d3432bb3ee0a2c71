package com.sparkify.warehouse.duckdb;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the copies of DuckDB's native library that killed processes left in the temp folder. The JDBC
 * driver copies its 60 MB library there on every start and deletes it at a normal exit only, so every
 * {@code etl} killed by a scheduler's timeout would leave one behind. A copy older than a day belongs to
 * no process still starting; a process that loaded it long ago keeps it mapped once it is deleted.
 */
final class StaleNativeCopies {
    private static final Logger LOG = LoggerFactory.getLogger(StaleNativeCopies.class);
    static final Duration MAX_AGE = Duration.ofDays(1);
    private static final AtomicBoolean DONE = new AtomicBoolean();

    private StaleNativeCopies() {}

    /** Deletes the stale copies in {@code folder}; returns how many. Never fails: it is housekeeping. */
    static int remove(Path folder, Instant now) {
        int removed = 0;
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(folder, "libduckdb_java*.so")) {
            for (Path copy : copies) {
                if (removeIfStale(copy, now)) {
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not list old DuckDB library copies in {}: {}", folder, e.getMessage());
        }
        if (removed > 0) {
            LOG.debug("removed {} old DuckDB library copies from {}", removed, folder);
        }
        return removed;
    }

    /** One copy; another user's file, or one a parallel run removed first, is left to its fate. */
    private static boolean removeIfStale(Path copy, Instant now) {
        try {
            return Files.isRegularFile(copy)
                    && Files.getLastModifiedTime(copy).toInstant().isBefore(now.minus(MAX_AGE))
                    && Files.deleteIfExists(copy);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Once per process, in the JVM's temp folder, where the driver puts them. */
    static void removeFromTempFolder() {
        if (DONE.compareAndSet(false, true)) {
            remove(Path.of(System.getProperty("java.io.tmpdir")), Instant.now());
        }
    }
}
