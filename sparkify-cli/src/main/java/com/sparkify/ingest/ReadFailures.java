package com.sparkify.ingest;

import com.sparkify.Messages;
import com.sparkify.source.FileChangedException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.NoSuchFileException;
import java.util.zip.ZipException;

/**
 * The reasons of the one reject that stands for a file's stream failing under a reader: damaged gzip, a read
 * error, a file gone or changed. An interrupted read is not a reject: it stops the run.
 */
final class ReadFailures {
    private ReadFailures() {}

    /** Rethrows {@code e} when the thread was interrupted, so that a stopped run stops. */
    static void rethrowIfInterrupted(IOException e) throws IOException {
        if (e instanceof InterruptedIOException || e instanceof ClosedByInterruptException) {
            throw e;
        }
    }

    /**
     * @param records complete records read before the failure
     * @param line the line where the failure interrupted the file
     */
    static String reason(IOException e, boolean gzipped, long records, long line) {
        String read = "; the " + Messages.count(records, "complete record") + " before line " + line
                + (records == 1 ? " was read" : " were read");
        if (e instanceof ZipException) {
            return "Corrupt gzip data (" + message(e) + ")" + read;
        }
        if (e instanceof EOFException && gzipped) {
            return "Truncated gzip stream: the file ends inside its compressed data" + read;
        }
        if (e instanceof NoSuchFileException) {
            return "File not found: it was deleted after it was listed; run etl again";
        }
        if (e instanceof FileChangedException) {
            return "File changed while it was read (" + message(e) + ")" + read + "; run etl again";
        }
        return "Read error (" + message(e) + ")" + read + "; run etl again";
    }

    /** Whether the failure is in the file's bytes, which a second reading would find again. */
    static boolean inContent(IOException e, boolean gzipped) {
        return e instanceof ZipException || (e instanceof EOFException && gzipped);
    }

    private static String message(IOException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
