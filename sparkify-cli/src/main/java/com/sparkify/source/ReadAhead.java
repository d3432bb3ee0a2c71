package com.sparkify.source;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Downloads the objects that follow the one being read, at most {@link #DEPTH} at a time. The readers open
 * files one by one in list order, and thousands of small objects fetched one round trip at a time would
 * leave the reader waiting on the network. The window follows the reader: when it asks for a file further
 * on (the ledger skipped the ones between), the downloads in between are dropped. Only objects of up to
 * {@link #MAX_BUFFERED_BYTES} are held in memory, so the window holds at most {@code DEPTH * 4 MB}; the
 * reader streams larger ones itself.
 */
final class ReadAhead implements AutoCloseable {
    static final int DEPTH = 16;
    static final long MAX_BUFFERED_BYTES = 4L << 20;

    /** Fetches one whole object. */
    @FunctionalInterface
    interface Download {
        byte[] fetch(SourceFile file) throws IOException;
    }

    /** A file in the window; {@code body} is null for a file too large to buffer. */
    private record Pending(int position, Future<byte[]> body) {}

    private final List<SourceFile> order;
    private final Map<String, Integer> positions = new HashMap<>();
    private final Download download;
    private final ExecutorService pool;
    private final ArrayDeque<Pending> window = new ArrayDeque<>();
    private int next;

    ReadAhead(List<SourceFile> order, Download download, ExecutorService pool) {
        this.order = List.copyOf(order);
        this.download = download;
        this.pool = pool;
        for (int i = 0; i < this.order.size(); i++) {
            positions.put(this.order.get(i).uri(), i);
        }
    }

    /** The content of {@code file}, or empty when it is not buffered here and should be streamed. */
    synchronized Optional<byte[]> take(SourceFile file) throws IOException {
        Integer position = positions.get(file.uri());
        if (position == null) {
            return Optional.empty();
        }
        while (!window.isEmpty() && window.peekFirst().position() < position) {
            drop(window.pollFirst());
        }
        if (window.isEmpty() || window.peekFirst().position() != position) {
            close();
            next = position;
        }
        fill();
        Pending pending = window.pollFirst();
        fill();
        return pending.body() == null ? Optional.empty() : Optional.of(await(pending.body()));
    }

    private void fill() {
        while (window.size() < DEPTH && next < order.size()) {
            SourceFile file = order.get(next);
            Future<byte[]> body = file.size() <= MAX_BUFFERED_BYTES ? pool.submit(() -> download.fetch(file)) : null;
            window.addLast(new Pending(next++, body));
        }
    }

    private static byte[] await(Future<byte[]> body) throws IOException {
        try {
            return body.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while downloading");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    private static void drop(Pending pending) {
        if (pending.body() != null) {
            pending.body().cancel(true);
        }
    }

    /** Drops every download still in the window. */
    @Override
    public synchronized void close() {
        window.forEach(ReadAhead::drop);
        window.clear();
    }
}
