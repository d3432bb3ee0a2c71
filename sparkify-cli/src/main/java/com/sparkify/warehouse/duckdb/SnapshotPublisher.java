package com.sparkify.warehouse.duckdb;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.warehouse.WarehouseErrors;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the database to its snapshot, on the writer's connection while it holds the file's lock: a
 * checkpoint makes the file complete without its log, a copy of it is written beside the snapshot and renamed
 * over it, so that a reader opens the old snapshot or the new one, never half of one. The copy is not synced to
 * disk: see docs/decisions/0010-duckdb-publish-copy.md.
 */
final class SnapshotPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotPublisher.class);

    private final WarehouseFiles files;

    SnapshotPublisher(WarehouseFiles files) {
        this.files = files;
    }

    /** Copies the checkpointed database to the snapshot, then removes the marker. */
    void publish(Connection connection) {
        long started = System.nanoTime();
        checkpoint(connection);
        replaceSnapshotWith(files.file());
        removeMarker();
        LOG.debug("published {} in {} ms", files.snapshot(), millisSince(started));
        removeRetired();
    }

    /**
     * Publishes the new file a full refresh built ({@link FullRefreshBuild}), complete on disk and detached,
     * then renames it over the database. The marker goes before the rename, while this process still holds the
     * database's lock. The connection still points to the old file afterwards: the caller closes it and writes
     * nothing through it again.
     */
    void publishRebuilt() {
        long started = System.nanoTime();
        Path rebuilt = files.compacted();
        replaceSnapshotWith(rebuilt);
        removeMarker();
        move(rebuilt, files.file());
        LOG.debug("published {} and swapped it in, in {} ms", files.snapshot(), millisSince(started));
        removeRetired();
    }

    /** Removes the replaced snapshot, after readers see the new one; one that stays goes at the next open. */
    private void removeRetired() {
        long started = System.nanoTime();
        try {
            Files.deleteIfExists(files.retiredSnapshot());
        } catch (IOException e) {
            LOG.debug("could not remove {}: {}", files.retiredSnapshot(), e.toString());
        }
        LOG.debug("removed the replaced snapshot in {} ms", millisSince(started));
    }

    /** Checkpoints outside any transaction; the connection is left in the auto-commit mode it had. */
    private static void checkpoint(Connection connection) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Cannot checkpoint the warehouse before publishing it", e);
        }
    }

    private void replaceSnapshotWith(Path source) {
        // The kernel copies file to file (sendfile), without passing the bytes through the JVM.
        try (FileChannel in = FileChannel.open(source);
                FileChannel out = FileChannel.open(
                        files.nextSnapshot(),
                        StandardOpenOption.WRITE,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            long size = in.size();
            for (long copied = 0; copied < size; ) {
                copied += in.transferTo(copied, size - copied, out);
            }
        } catch (IOException e) {
            throw failed("Cannot copy " + source + " to " + files.nextSnapshot(), e);
        }
        retire(files.snapshot());
        move(files.nextSnapshot(), files.snapshot());
    }

    /** Gives the current snapshot its retired name too, so that replacing it frees nothing yet. */
    private void retire(Path snapshot) {
        try {
            Files.deleteIfExists(files.retiredSnapshot());
            if (Files.exists(snapshot)) {
                Files.createLink(files.retiredSnapshot(), snapshot);
            }
        } catch (IOException e) {
            LOG.debug("publishing without a retired name for {}: {}", snapshot, e.toString());
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw failed("Cannot rename " + from + " to " + to, e);
        }
    }

    private void removeMarker() {
        try {
            Files.deleteIfExists(files.publishPending());
        } catch (IOException e) {
            throw failed("Cannot remove " + files.publishPending(), e);
        }
    }

    private static SparkifyException failed(String what, IOException e) {
        boolean full = String.valueOf(e.getMessage()).contains("No space left");
        return new SparkifyException(
                full ? ErrorCode.DISK_FULL : ErrorCode.WAREHOUSE_FAILED,
                what + ": " + e + "; readers keep the last snapshot, and the next run or read publishes again",
                e);
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
