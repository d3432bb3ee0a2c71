package com.sparkify.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.LocalFileSource;
import com.sparkify.source.SourceFile;
import com.sparkify.testing.DamagedGzip;
import com.sparkify.testing.FailingStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file whose stream fails under the reader, damaged, gone, changed or unreadable halfway, is one reject and
 * never the end of the run; the ledger is told to read it again unless the damage is in its bytes.
 */
class RecordReadersTest {
    private static final int EVENTS = 5;

    @TempDir
    Path dir;

    private final List<Object[]> rows = new ArrayList<>();
    private final List<Reject> rejects = new ArrayList<>();

    private static List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            lines.add(EventFileReaderTest.event("NextSong", 8, i, "3") + "\n");
        }
        return lines;
    }

    private FileRead read(FileSource source, SourceFile file) {
        return new RecordReaders().read(source, file, (values, record) -> rows.add(values), rejects::add);
    }

    private SourceFile listed(LocalFileSource source) {
        return source.list().get(0);
    }

    @Test
    void aTruncatedGzipKeepsItsRecordsBeforeTheDamageAndItsChangeMarker() throws IOException {
        Files.write(dir.resolve("day.json.gz"), DamagedGzip.of(lines()).cutInsideRecord(3));
        LocalFileSource source = new LocalFileSource(dir, DataKind.EVENTS);
        SourceFile file = listed(source);

        FileRead read = read(source, file);

        assertThat(read.counts()).isEqualTo(new FileCounts(4, 3, 1));
        assertThat(read.file()).isEqualTo(file);
        assertThat(rejects).singleElement().satisfies(reject -> {
            assertThat(reject.sourceFile()).isEqualTo(file.uri());
            assertThat(reject.kind()).isEqualTo(DataKind.EVENTS);
            assertThat(reject.lineNumber()).isEqualTo(4);
            assertThat(reject.reason()).startsWith("Truncated gzip stream");
        });
    }

    @Test
    void aGzipWithAWrongHeaderOrAnEmptyOneIsOneReject() throws IOException {
        Files.write(dir.resolve("a.json.gz"), DamagedGzip.of(lines()).withWrongMagic());
        Files.write(dir.resolve("b.json.gz"), new byte[0]);
        LocalFileSource source = new LocalFileSource(dir, DataKind.SONGS);
        List<SourceFile> files = source.list();

        FileRead wrongMagic = read(source, files.get(0));
        FileRead empty = read(source, files.get(1));

        assertThat(wrongMagic.counts()).isEqualTo(new FileCounts(1, 0, 1));
        assertThat(empty.counts()).isEqualTo(new FileCounts(1, 0, 1));
        assertThat(wrongMagic.file()).isEqualTo(files.get(0));
        assertThat(rejects)
                .extracting(Reject::reason)
                .containsExactly(
                        "Corrupt gzip data (Not in GZIP format); the 0 complete records before line 1 were read",
                        "Truncated gzip stream: the file ends inside its compressed data; the 0 complete records"
                                + " before line 1 were read");
        assertThat(rejects).extracting(Reject::kind).containsOnly(DataKind.SONGS);
    }

    @Test
    void aFileDeletedAfterItWasListedIsOneRejectReadAgainByTheNextRun() throws IOException {
        Files.writeString(dir.resolve("day.json"), String.join("", lines()));
        LocalFileSource source = new LocalFileSource(dir, DataKind.EVENTS);
        SourceFile file = listed(source);
        Files.delete(dir.resolve("day.json"));

        FileRead read = read(source, file);

        assertThat(read.counts()).isEqualTo(new FileCounts(1, 0, 1));
        assertThat(read.file().changeMarker()).isNotEqualTo(file.changeMarker());
        assertThat(rejects)
                .singleElement()
                .extracting(Reject::reason)
                .isEqualTo("File not found: it was deleted after it was listed; run etl again");
    }

    @Test
    void aFileCutWhileItIsReadIsOneRejectReadAgainByTheNextRun() throws IOException {
        List<String> lines = lines();
        Path path = dir.resolve("day.json");
        Files.writeString(path, String.join("", lines));
        LocalFileSource source = new LocalFileSource(dir, DataKind.EVENTS);
        SourceFile file = listed(source);
        int kept = lines.get(0).length() + lines.get(1).length() + 10;
        try (var channel = Files.newByteChannel(path, StandardOpenOption.WRITE)) {
            channel.truncate(kept);
        }

        FileRead read = read(source, file);

        assertThat(read.counts()).isEqualTo(new FileCounts(3, 2, 1));
        assertThat(read.file().changeMarker()).isNotEqualTo(file.changeMarker());
        assertThat(rejects).singleElement().satisfies(reject -> {
            assertThat(reject.lineNumber()).isEqualTo(3);
            assertThat(reject.reason())
                    .isEqualTo("File changed while it was read (listed with " + file.size()
                            + " bytes, it ended after " + kept + "); the 2 complete records before line 3 were read;"
                            + " run etl again");
            assertThat(reject.rawText()).isEqualTo(lines.get(2).substring(0, 10));
        });
    }

    @Test
    void aFileAppendedToAfterItWasListedIsReadAsListed() throws IOException {
        List<String> lines = lines();
        Path path = dir.resolve("day.json");
        Files.writeString(path, String.join("", lines));
        LocalFileSource source = new LocalFileSource(dir, DataKind.EVENTS);
        SourceFile file = listed(source);
        Files.writeString(path, EventFileReaderTest.event("Home", 8, 99, "3") + "\n", StandardOpenOption.APPEND);

        FileRead read = read(source, file);

        // The ledger records the size and time it was listed with, which no longer match: the next run reads
        // the whole file again.
        assertThat(read.counts()).isEqualTo(new FileCounts(EVENTS, EVENTS, 0));
        assertThat(read.file()).isEqualTo(file);
        assertThat(listed(source).changeMarker()).isNotEqualTo(file.changeMarker());
    }

    @Test
    void aReadErrorHalfwayIsOneRejectReadAgainByTheNextRun() {
        byte[] content = String.join("", lines()).getBytes(StandardCharsets.UTF_8);
        int failAt = content.length / 2;
        SourceFile file =
                new SourceFile("/bad/disk.json", DataKind.EVENTS, content.length, "1-2", java.util.Optional.empty());
        FileSource source = new FileSource() {
            @Override
            public List<SourceFile> list() {
                return List.of(file);
            }

            @Override
            public InputStream open(SourceFile ignored) {
                return new FailingStream(content, failAt);
            }

            @Override
            public String describe() {
                return "a disk with a bad sector";
            }
        };
        long whole = failAt / lines().get(0).length();

        FileRead read = read(source, file);

        assertThat(read.counts()).isEqualTo(new FileCounts(whole + 1, whole, 1));
        assertThat(read.file().changeMarker()).isEqualTo("1-2-incomplete");
        assertThat(rejects).singleElement().satisfies(reject -> {
            assertThat(reject.lineNumber()).isEqualTo(whole + 1);
            assertThat(reject.reason()).startsWith("Read error (Input/output error)");
        });
    }
}
