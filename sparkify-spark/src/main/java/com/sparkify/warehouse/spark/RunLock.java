package com.sparkify.warehouse.spark;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second run off the warehouse: an OS lock on a file in its folder, which the OS lets go when the
 * process ends, killed or not. It holds for runs on this machine, which is where local mode runs.
 */
final class RunLock {
    private final Path file;
    private FileChannel channel;
    private FileLock lock;

    RunLock(Path folder) {
        this.file = folder.resolve(".sparkify-run.lock");
    }

    synchronized void acquire() {
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            throw new SparkifyException(ErrorCode.CONFIG, "Cannot lock " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            release();
            throw new SparkifyException(
                    ErrorCode.BUSY,
                    "Another run is loading the warehouse in " + file.getParent()
                            + "; wait for it to finish, then retry");
        }
    }

    synchronized void release() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // The lock goes with the channel, or with the process.
        } finally {
            lock = null;
            channel = null;
        }
    }
}
