package com.sparkify.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.testing.LineRecords;
import com.sparkify.testing.RecordMutator;
import com.sparkify.testing.SampleData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * 100,000 mutated real records through the Java parser: it never throws, and every file reconciles:
 * read = staged + rejected, with read equal to the file's non-blank line count.
 */
class RecordFuzzIT {
    private static final int CASES = 100_000;
    private static final int RECORDS_PER_FILE = 200;

    @Test
    void mutatedEventLogsAlwaysReconcile() throws IOException {
        List<byte[]> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SampleData.logs())) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    lines.add(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        RecordMutator mutator = new RecordMutator(42);
        EventFileReader reader = new EventFileReader();
        long rejectedTotal = 0;
        for (int fileStart = 0; fileStart < CASES; fileStart += RECORDS_PER_FILE) {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            for (int i = fileStart; i < fileStart + RECORDS_PER_FILE; i++) {
                byte[] line = lines.get(i % lines.size());
                file.write(i % 3 == 0 ? line : mutator.mutate(line));
                file.write('\n');
            }
            byte[] content = file.toByteArray();
            long[] staged = {0};
            List<Reject> rejects = new ArrayList<>();

            FileCounts counts = reader.read(
                    new ByteArrayInputStream(content),
                    "fuzz-" + fileStart,
                    (values, record) -> staged[0]++,
                    rejects::add);

            long records = LineRecords.count(new ByteArrayInputStream(content));
            assertThat(counts.read()).as("records of fuzz file %d", fileStart).isEqualTo(records);
            assertThat(counts.staged()).isEqualTo(staged[0]);
            assertThat(counts.rejected()).isEqualTo(rejects.size());
            rejectedTotal += rejects.size();
        }
        assertThat(rejectedTotal).as("the mutations make many records invalid").isGreaterThan(CASES / 4);
    }

    @Test
    void mutatedSongFilesAlwaysReconcile() throws IOException {
        List<byte[]> songs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SampleData.songs())) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                songs.add(Files.readAllBytes(file));
            }
        }
        RecordMutator mutator = new RecordMutator(7);
        SongFileReader reader = new SongFileReader();
        for (int i = 0; i < 5_000; i++) {
            byte[] content = mutator.mutate(songs.get(i % songs.size()));
            long[] staged = {0};
            List<Reject> rejects = new ArrayList<>();

            FileCounts counts = reader.read(
                    new ByteArrayInputStream(content), "song-" + i, (values, record) -> staged[0]++, rejects::add);

            assertThat(counts.staged()).isEqualTo(staged[0]);
            assertThat(counts.rejected()).isEqualTo(rejects.size());
            assertThat(rejects)
                    .allSatisfy(reject -> assertThat(reject.rawText()).isNotNull());
        }
    }
}
