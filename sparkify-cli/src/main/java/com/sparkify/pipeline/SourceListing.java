package com.sparkify.pipeline;

import com.sparkify.source.DataKind;
import com.sparkify.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a run's sources, songs first. {@link #start} lists them on a thread of their own while the
 * command opens the warehouse, since listing thousands of files would otherwise delay the run's first
 * statement. A failure to list is thrown where the files are asked for, as listing in place would have thrown it.
 */
public final class SourceListing {
    private static final Logger LOG = LoggerFactory.getLogger(SourceListing.class);

    private final CompletableFuture<Listed> files = new CompletableFuture<>();
    /** The options to list on the first call of {@link #files()}; null when a thread lists them. */
    private final EtlOptions deferred;

    private SourceListing(EtlOptions deferred) {
        this.deferred = deferred;
    }

    /** Starts listing the sources of {@code options} in the background. */
    public static SourceListing start(EtlOptions options) {
        SourceListing listing = new SourceListing(null);
        Thread thread = new Thread(() -> listing.complete(options), "sparkify-listing");
        thread.setDaemon(true);
        thread.start();
        return listing;
    }

    /** Lists the sources of {@code options} when the files are first asked for, on the asking thread. */
    static SourceListing lazy(EtlOptions options) {
        return new SourceListing(options);
    }

    private void complete(EtlOptions options) {
        try {
            files.complete(list(options));
        } catch (RuntimeException | Error e) {
            files.completeExceptionally(e);
        }
    }

    /** Ends a wait for the files with {@code reason}; a listing still running is left to its daemon thread. */
    void cancel(RuntimeException reason) {
        files.completeExceptionally(reason);
    }

    /** The files found; waits for the listing when it runs in the background. */
    List<SourceFile> files() {
        return listed().files();
    }

    /**
     * The sources in which no file was found at all (a wrong folder, a wrong extension); waits for the
     * listing. A source with files the ledger already has is not among them.
     */
    public List<EmptySource> emptySources() {
        return listed().empty();
    }

    private Listed listed() {
        if (deferred != null && !files.isDone()) {
            complete(deferred);
        }
        try {
            return files.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static Listed list(EtlOptions options) {
        long started = System.nanoTime();
        List<SourceFile> songs = options.songs().list();
        List<SourceFile> events = options.logs().list();
        List<SourceFile> found = new ArrayList<>(songs);
        found.addAll(events);
        List<EmptySource> empty = new ArrayList<>();
        if (songs.isEmpty()) {
            empty.add(new EmptySource(DataKind.SONGS.label(), options.songs().describe()));
        }
        if (events.isEmpty()) {
            empty.add(new EmptySource(DataKind.EVENTS.label(), options.logs().describe()));
        }
        LOG.debug("listed {} files in {} ms", found.size(), (System.nanoTime() - started) / 1_000_000);
        return new Listed(List.copyOf(found), List.copyOf(empty));
    }

    private record Listed(List<SourceFile> files, List<EmptySource> empty) {}
}
