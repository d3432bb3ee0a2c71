package com.sparkify.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.sparkify.source.DataKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a Million Song Dataset file: one object (single-line or pretty-printed), several concatenated
 * objects, or an array of objects. After malformed JSON the parser cannot find the next record, so the
 * rest of the file becomes one reject.
 */
public final class SongFileReader {
    /** Song files are small; a larger one is refused rather than read into memory. */
    static final int MAX_FILE_BYTES = 64 << 20;

    private final JsonFactory factory = RecordParser.newFactory();
    private final RecordParser parser = new RecordParser(RecordLayout.SONGS);

    /** The parser of this reader, whose unknown keys {@link RecordReaders} counts. */
    RecordParser parser() {
        return parser;
    }

    public FileCounts read(InputStream in, String sourceFile, RowWriter rows, RejectSink rejects) throws IOException {
        Content read = Content.of(in, MAX_FILE_BYTES + 1);
        byte[] content = read.bytes();
        int start = hasBom(content) ? 3 : 0;
        if (content.length > MAX_FILE_BYTES) {
            String raw = new String(content, start, 1 << 20, StandardCharsets.UTF_8);
            rejects.reject(new Reject(DataKind.SONGS, sourceFile, 1, "Song file larger than 64 MB", raw));
            return new FileCounts(1, 0, 1);
        }
        Cursor cursor = new Cursor(content, start, sourceFile, rows, rejects);
        boolean gzipped = sourceFile.endsWith(".gz");
        try (JsonParser json = factory.createParser(content, start, content.length - start)) {
            cursor.readAll(json);
            if (read.failure() != null) {
                cursor.rejectDamage(read.failure(), gzipped);
            }
        } catch (JsonProcessingException e) {
            if (read.failure() != null && atEnd(e, content.length - start)) {
                cursor.rejectDamage(read.failure(), gzipped);
            } else {
                cursor.rejectRest("Malformed JSON: " + e.getOriginalMessage(), e.getLocation());
            }
        }
        return new FileCounts(cursor.read, cursor.staged, cursor.rejected);
    }

    /** The bytes read of a file, and the failure that ended the reading early, if one did. */
    private record Content(byte[] bytes, IOException failure) {
        static Content of(InputStream in, int limit) throws IOException {
            byte[] buffer = new byte[1 << 16];
            int length = 0;
            try {
                int n;
                while (length < limit && (n = in.read(buffer, length, Math.min(buffer.length, limit) - length)) >= 0) {
                    length += n;
                    if (length == buffer.length && length < limit) {
                        buffer = Arrays.copyOf(buffer, (int) Math.min(limit, buffer.length * 2L));
                    }
                }
            } catch (IOException e) {
                ReadFailures.rethrowIfInterrupted(e);
                return new Content(Arrays.copyOf(buffer, length), e);
            }
            return new Content(Arrays.copyOf(buffer, length), null);
        }
    }

    /** Whether the parser failed because the content ended: where a stream cut short leaves it. */
    private static boolean atEnd(JsonProcessingException e, int length) {
        return e.getLocation() == null || e.getLocation().getByteOffset() >= length;
    }

    private static boolean hasBom(byte[] content) {
        return content.length >= 3
                && (content[0] & 0xFF) == 0xEF
                && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF;
    }

    /** Walks the top-level values of one file, keeping the byte range of each for its raw text. */
    private final class Cursor {
        private final byte[] content;
        private final int base;
        private final String sourceFile;
        private final RowWriter rows;
        private final RejectSink rejects;
        private long read;
        private long staged;
        private long rejected;
        private long restOffset;
        private long restLine = 1;

        Cursor(byte[] content, int base, String sourceFile, RowWriter rows, RejectSink rejects) {
            this.content = content;
            this.base = base;
            this.sourceFile = sourceFile;
            this.rows = rows;
            this.rejects = rejects;
        }

        void readAll(JsonParser json) throws IOException {
            JsonToken token = json.nextToken();
            if (token == JsonToken.START_ARRAY) {
                while ((token = json.nextToken()) != JsonToken.END_ARRAY && token != null) {
                    readValue(json, token);
                }
                token = json.nextToken();
            }
            while (token != null) {
                readValue(json, token);
                token = json.nextToken();
            }
        }

        private void readValue(JsonParser json, JsonToken token) throws IOException {
            long startOffset = json.currentTokenLocation().getByteOffset();
            long line = json.currentTokenLocation().getLineNr();
            restOffset = startOffset;
            restLine = line;
            read++;
            String reason;
            if (token == JsonToken.START_OBJECT) {
                try {
                    rows.write(parser.parseObject(json), read);
                    staged++;
                    markRest(json);
                    return;
                } catch (InvalidRecordException e) {
                    reason = e.getMessage();
                    json.skipChildren();
                }
            } else {
                json.finishToken(); // a string is read lazily: its end is where its raw text ends
                json.skipChildren();
                reason = "Expected a JSON object, found " + RecordParser.describe(token);
            }
            long endOffset = json.currentLocation().getByteOffset();
            markRest(json);
            reject(line, reason, text(startOffset, endOffset));
        }

        private void markRest(JsonParser json) {
            restOffset = json.currentLocation().getByteOffset();
            restLine = json.currentLocation().getLineNr();
        }

        void rejectRest(String reason, JsonLocation where) {
            String rest = text(restOffset, content.length - base);
            if (rest.isBlank()) {
                return;
            }
            if (read == staged + rejected) {
                read++; // the broken value had not been counted yet
            }
            String detail = where == null ? reason : reason + " (line " + where.getLineNr() + ")";
            reject(restLine, detail, rest);
        }

        /** The stream failed: what it left after the last complete record is one reject. */
        void rejectDamage(IOException failure, boolean gzipped) {
            String rest = text(restOffset, content.length - base);
            rest = rest.replaceFirst("^[,\\]\\s]+", ""); // what separates or closes an array's elements
            long line = rest.isBlank() ? lineAfterContent() : restLine;
            if (read == staged + rejected) {
                read++; // the interrupted record had not been counted yet
            }
            reject(line, ReadFailures.reason(failure, gzipped, staged + rejected, line), rest);
        }

        /** The line after the last one that holds anything: where a stream cut at a record's end stopped. */
        private long lineAfterContent() {
            long lines = 1;
            int last = content.length - 1;
            while (last >= base && Character.isWhitespace(content[last])) {
                last--;
            }
            if (last < base) {
                return 1;
            }
            for (int i = base; i <= last; i++) {
                if (content[i] == '\n') {
                    lines++;
                }
            }
            return lines + 1;
        }

        private void reject(long line, String reason, String raw) {
            rejected++;
            rejects.reject(new Reject(DataKind.SONGS, sourceFile, line, reason, raw));
        }

        private String text(long from, long to) {
            int start = (int) Math.max(0, Math.min(from, content.length - base)) + base;
            int end = (int) Math.max(0, Math.min(to, content.length - base)) + base;
            return new String(content, start, Math.max(0, end - start), StandardCharsets.UTF_8).strip();
        }
    }
}
