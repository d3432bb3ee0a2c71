package com.sparkify.testing;

import static java.util.Objects.requireNonNull;

import com.sparkify.source.DataKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Damaged event logs and song files whose truth is known by construction: for every file, how many records
 * it holds, which of them are good, what each good one stages, and the whole raw text of each bad one. The
 * records follow the rules of README "Input formats"; each file varies one thing (a value's type at one
 * field, an encoding, a framing), so a failure names what broke.
 */
public final class DamagedCorpus {
    /**
     * One record of a file, in file order (its 1-based position is its {@code source_record}).
     *
     * @param good the record is staged; otherwise it is rejected
     * @param values for a good record, the staged value of every column (null for NULL)
     * @param duckDbValues the values DuckDB's own reader stages, where they differ (README "Input formats");
     *     null when they do not
     * @param rawText for a bad record, its whole text as load_errors must keep it; null when not predictable
     */
    public record Expected(
            String label, boolean good, Map<String, Object> values, Map<String, Object> duckDbValues, String rawText) {
        static Expected good(String label, Map<String, Object> values) {
            return new Expected(label, true, Collections.unmodifiableMap(new LinkedHashMap<>(values)), null, null);
        }

        static Expected good(String label, Map<String, Object> values, Map<String, Object> duckDbValues) {
            return new Expected(
                    label,
                    true,
                    Collections.unmodifiableMap(new LinkedHashMap<>(values)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(duckDbValues)),
                    null);
        }

        static Expected bad(String label, String rawText) {
            return new Expected(label, false, Map.of(), null, rawText);
        }

        /** What a path stages: DuckDB's own reader, or the Java parser. */
        public Map<String, Object> values(boolean duckDbReader) {
            return duckDbReader && duckDbValues != null ? duckDbValues : values;
        }
    }

    /** A written file and what it must give. */
    public record CorpusFile(Path path, DataKind kind, List<Expected> records) {
        public CorpusFile {
            requireNonNull(path, "path is null");
            records = List.copyOf(records);
        }

        public String uri() {
            return path.toAbsolutePath().normalize().toString();
        }

        public long good() {
            return records.stream().filter(Expected::good).count();
        }

        public long bad() {
            return records.size() - good();
        }
    }

    private final Path songs;
    private final Path logs;
    private final List<CorpusFile> files = new ArrayList<>();
    private int next = 1;

    private DamagedCorpus(Path songs, Path logs) {
        this.songs = songs;
        this.logs = logs;
    }

    /** Writes the corpus under {@code songs} and {@code logs}. */
    public static List<CorpusFile> write(Path songs, Path logs) throws IOException {
        DamagedCorpus corpus = new DamagedCorpus(Files.createDirectories(songs), Files.createDirectories(logs));
        new DamagedEvents(corpus).writeAll();
        new DamagedSongs(corpus).writeAll();
        return List.copyOf(corpus.files);
    }

    /** A number no other record of the corpus uses: session ids, song ids, timestamps. */
    int unique() {
        return next++;
    }

    void add(String name, DataKind kind, byte[] content, List<Expected> records) throws IOException {
        Path dir = kind == DataKind.EVENTS ? logs : songs;
        Path path = dir.resolve(name);
        Files.write(path, content);
        files.add(new CorpusFile(path, kind, records));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** What a reader gets out of damaged gzip bytes before the damage stops it. */
    static byte[] readableGzipPrefix(byte[] damaged) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(damaged))) {
            byte[] buffer = new byte[256];
            int read;
            while ((read = in.read(buffer)) > 0) {
                out.write(buffer, 0, read);
            }
        } catch (IOException expected) {
            // the damage: what came before it is the prefix
        }
        return out.toByteArray();
    }

    static byte[] truncate(byte[] content, int length) {
        return Arrays.copyOf(content, length);
    }
}
