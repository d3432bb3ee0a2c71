package com.sparkify.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadAheadTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(ReadAhead.DEPTH);
    private final SlowStore store = new SlowStore();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** A hand-written store whose downloads take a while, counting how many run at once. */
    private static final class SlowStore implements ReadAhead.Download {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        final Set<String> fetched = ConcurrentHashMap.newKeySet();

        @Override
        public byte[] fetch(SourceFile file) throws IOException {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5);
                if (file.uri().contains("broken")) {
                    throw new IOException("cannot read " + file.uri());
                }
                fetched.add(file.uri());
                return file.uri().getBytes(StandardCharsets.UTF_8);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    private static List<SourceFile> files(int count) {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(file(String.format("s3://b/f%04d.json", i), 100));
        }
        return files;
    }

    private static SourceFile file(String uri, long size) {
        return new SourceFile(uri, DataKind.SONGS, size, "etag-" + size, Optional.empty());
    }

    private static String text(Optional<byte[]> body) {
        return new String(body.orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void handsOutEveryFileInOrderWithABoundedNumberOfDownloadsInFlight() throws Exception {
        List<SourceFile> files = files(200);
        ReadAhead readAhead = new ReadAhead(files, store, pool);

        for (SourceFile file : files) {
            assertThat(text(readAhead.take(file))).isEqualTo(file.uri());
        }

        assertThat(store.mostInFlight.get()).isGreaterThan(1).isLessThanOrEqualTo(ReadAhead.DEPTH);
    }

    @Test
    void followsTheReaderWhenItSkipsFiles() throws Exception {
        List<SourceFile> files = files(200);
        ReadAhead readAhead = new ReadAhead(files, store, pool);

        assertThat(text(readAhead.take(files.get(3)))).isEqualTo(files.get(3).uri());
        assertThat(text(readAhead.take(files.get(10)))).isEqualTo(files.get(10).uri());
        assertThat(text(readAhead.take(files.get(150))))
                .isEqualTo(files.get(150).uri());
        readAhead.close();

        assertThat(store.fetched)
                .doesNotContain(files.get(0).uri(), files.get(100).uri());
        assertThat(store.fetched.size()).isLessThanOrEqualTo(3 * ReadAhead.DEPTH);
    }

    @Test
    void leavesLargeAndUnlistedFilesToTheReader() throws Exception {
        SourceFile large = file("s3://b/large.json", ReadAhead.MAX_BUFFERED_BYTES + 1);
        SourceFile small = file("s3://b/small.json", 10);
        ReadAhead readAhead = new ReadAhead(List.of(large, small), store, pool);

        assertThat(readAhead.take(large)).isEmpty();
        assertThat(text(readAhead.take(small))).isEqualTo("s3://b/small.json");
        assertThat(readAhead.take(file("s3://b/other.json", 10))).isEmpty();
        assertThat(store.fetched).doesNotContain("s3://b/large.json");
    }

    @Test
    void aFailedDownloadFailsWhenItsFileIsTaken() throws Exception {
        SourceFile good = file("s3://b/a.json", 10);
        SourceFile broken = file("s3://b/broken.json", 10);
        ReadAhead readAhead = new ReadAhead(List.of(good, broken), store, pool);

        assertThat(text(readAhead.take(good))).isEqualTo("s3://b/a.json");
        assertThatThrownBy(() -> readAhead.take(broken))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot read s3://b/broken.json");
    }
}
