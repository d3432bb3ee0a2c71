package com.sparkify.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.sparkify.source.DataKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads newline-delimited eventsim events: one record per non-blank line. */
public final class EventFileReader {
    private static final int PAGE = RecordLayout.EVENTS.indexOfColumn("page");
    private static final int USER_ID = RecordLayout.EVENTS.indexOfColumn("user_id");
    private static final int TS = RecordLayout.EVENTS.indexOfColumn("ts");
    /** Years 1 to 9999, what every engine's TIMESTAMP holds. */
    static final long MIN_TS = -62_135_596_800_000L;

    static final long MAX_TS = 253_402_300_799_999L;

    private final JsonFactory factory = RecordParser.newFactory();
    private final RecordParser parser = new RecordParser(RecordLayout.EVENTS);

    /** The parser of this reader, whose unknown keys {@link RecordReaders} counts. */
    RecordParser parser() {
        return parser;
    }

    /**
     * Reads every line of {@code in}; each becomes a row or a reject. When the stream fails (damaged gzip, an
     * I/O error), the line it interrupts is one reject and the reading ends.
     */
    public FileCounts read(InputStream in, String sourceFile, RowWriter rows, RejectSink rejects) throws IOException {
        ByteLines lines = new ByteLines(in);
        long read = 0;
        long staged = 0;
        while (true) {
            try {
                if (!lines.next()) {
                    break;
                }
            } catch (IOException e) {
                ReadFailures.rethrowIfInterrupted(e);
                long line = lines.lineNumber() + 1;
                String reason = ReadFailures.reason(e, sourceFile.endsWith(".gz"), read, line);
                rejects.reject(new Reject(DataKind.EVENTS, sourceFile, line, reason, lines.partialLine()));
                read++;
                break;
            }
            if (lines.isBlank()) {
                continue;
            }
            read++;
            String reason = lines.truncated() ? "Line longer than " + (ByteLines.MAX_LINE_BYTES >> 20) + " MB" : null;
            if (reason == null) {
                try {
                    rows.write(parseLine(lines.buffer(), lines.length()), read);
                    staged++;
                    continue;
                } catch (InvalidRecordException e) {
                    reason = e.getMessage();
                } catch (JsonProcessingException e) {
                    reason = "Malformed JSON: " + e.getOriginalMessage();
                }
            }
            String raw = new String(lines.buffer(), 0, lines.length(), StandardCharsets.UTF_8);
            rejects.reject(new Reject(DataKind.EVENTS, sourceFile, lines.lineNumber(), reason, raw));
        }
        return new FileCounts(read, staged, read - staged);
    }

    private Object[] parseLine(byte[] buffer, int length) throws IOException, InvalidRecordException {
        try (JsonParser json = factory.createParser(buffer, 0, length)) {
            JsonToken first = json.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new InvalidRecordException("Expected a JSON object, found " + RecordParser.describe(first));
            }
            Object[] values = parser.parseObject(json);
            JsonToken after = json.nextToken();
            if (after != null) {
                throw new InvalidRecordException("Expected one JSON object per line, found more after it");
            }
            checkUser(values);
            checkTime(values);
            return values;
        }
    }

    private static void checkTime(Object[] values) throws InvalidRecordException {
        long ts = (Long) values[TS];
        if (ts < MIN_TS || ts > MAX_TS) {
            throw new InvalidRecordException("Expected ts in epoch milliseconds of years 1 to 9999, found " + ts);
        }
    }

    private static void checkUser(Object[] values) throws InvalidRecordException {
        String userId = values[USER_ID] == null ? "" : (String) values[USER_ID];
        for (int i = 0; i < userId.length(); i++) {
            char c = userId.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidRecordException(
                        "Expected a numeric userId, found \"" + RecordParser.abbreviate(userId) + "\"");
            }
        }
        if (userId.length() > 18) {
            throw new InvalidRecordException("userId is out of range: " + userId);
        }
        if (userId.isEmpty() && "NextSong".equals(values[PAGE])) {
            throw new InvalidRecordException("Expected a userId on a NextSong event, found none");
        }
    }
}
