package com.sparkify.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.testing.DamagedGzip;
import com.sparkify.testing.FailingStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class EventFileReaderTest {
    private static final RecordLayout LAYOUT = RecordLayout.EVENTS;

    private final List<Object[]> rows = new ArrayList<>();
    private final List<Long> records = new ArrayList<>();
    private final List<Reject> rejects = new ArrayList<>();

    static String event(String page, long session, long item, String userId) {
        return "{\"artist\":\"Pavement\",\"auth\":\"Logged In\",\"firstName\":\"Sylvie\",\"gender\":\"F\","
                + "\"itemInSession\":" + item + ",\"lastName\":\"Cruz\",\"length\":99.16036,\"level\":\"free\","
                + "\"location\":\"Washington\",\"method\":\"PUT\",\"page\":\"" + page + "\","
                + "\"registration\":1540266185796.0,\"sessionId\":" + session + ",\"song\":\"Mercy\","
                + "\"status\":200,\"ts\":1541990258796,\"userAgent\":\"\\\"Mozilla\\\"\",\"userId\":\"" + userId
                + "\"}";
    }

    private FileCounts read(byte[] content) throws IOException {
        return new EventFileReader()
                .read(
                        new ByteArrayInputStream(content),
                        "f.json",
                        (values, record) -> {
                            rows.add(values);
                            records.add(record);
                        },
                        rejects::add);
    }

    private FileCounts read(String content) throws IOException {
        return read(content.getBytes(StandardCharsets.UTF_8));
    }

    private Object value(int row, String column) {
        return rows.get(row)[LAYOUT.indexOfColumn(column)];
    }

    @Test
    void stagesEveryAttributeWithItsType() throws IOException {
        FileCounts counts = read(event("NextSong", 345, 0, "10") + "\n");

        assertThat(counts).isEqualTo(new FileCounts(1, 1, 0));
        assertThat(value(0, "ts")).isEqualTo(1541990258796L);
        assertThat(value(0, "session_id")).isEqualTo(345L);
        assertThat(value(0, "length")).isEqualTo(99.16036);
        assertThat(value(0, "registration")).isEqualTo(1540266185796.0);
        assertThat(value(0, "status")).isEqualTo(200);
        assertThat(value(0, "user_id")).isEqualTo("10");
        assertThat(value(0, "user_agent")).isEqualTo("\"Mozilla\"");
    }

    @Test
    void acceptsBomCrlfBlankLinesAndNoFinalNewline() throws IOException {
        String content = "\uFEFF" + event("Home", 1, 0, "1") + "\r\n\r\n   \n" + event("NextSong", 1, 1, "1");

        FileCounts counts = read(content);

        assertThat(counts).isEqualTo(new FileCounts(2, 2, 0));
        assertThat(records).containsExactly(1L, 2L);
        assertThat(value(1, "item_in_session")).isEqualTo(1L);
    }

    @Test
    void rejectsBadRecordsWithLineReasonAndRawText() throws IOException {
        String content = String.join(
                "\n",
                event("Home", 1, 0, "1"),
                "{not json}",
                "{\"page\":\"Home\",\"sessionId\":1,\"itemInSession\":2}",
                "{\"ts\":1,\"page\":\"Home\",\"sessionId\":1,\"itemInSession\":2.5}",
                "{\"ts\":1,\"page\":\"Home\",\"sessionId\":1,\"itemInSession\":3,\"userId\":\"abc\"}",
                "",
                "{\"ts\":1,\"page\":\"NextSong\",\"sessionId\":1,\"itemInSession\":4,\"userId\":\"\"}",
                "[1,2]",
                "{\"ts\":1,\"page\":\"Home\",\"sessionId\":1,\"itemInSession\":5,\"length\":\"long\"}",
                "{\"ts\":1,\"page\":\"Home\",\"sessionId\":1,\"itemInSession\":6} trailing",
                "{\"ts\":4795166937322952177,\"page\":\"Home\",\"sessionId\":1,\"itemInSession\":7}");

        FileCounts counts = read(content);

        assertThat(counts).isEqualTo(new FileCounts(10, 1, 9));
        assertThat(rejects).extracting(Reject::lineNumber).containsExactly(2L, 3L, 4L, 5L, 7L, 8L, 9L, 10L, 11L);
        assertThat(rejects)
                .extracting(Reject::reason)
                .satisfiesExactly(
                        reason -> assertThat(reason).startsWith("Malformed JSON"),
                        reason -> assertThat(reason).isEqualTo("Missing required key \"ts\""),
                        reason -> assertThat(reason)
                                .isEqualTo("Expected a whole number for \"itemInSession\", found 2.5"),
                        reason -> assertThat(reason).isEqualTo("Expected a numeric userId, found \"abc\""),
                        reason -> assertThat(reason).isEqualTo("Expected a userId on a NextSong event, found none"),
                        reason -> assertThat(reason).isEqualTo("Expected a JSON object, found an array"),
                        reason -> assertThat(reason).isEqualTo("Expected a number for \"length\", found \"long\""),
                        reason -> assertThat(reason).startsWith("Malformed JSON: Unrecognized token 'trailing'"),
                        reason -> assertThat(reason)
                                .isEqualTo(
                                        "Expected ts in epoch milliseconds of years 1 to 9999, found 4795166937322952177"));
        assertThat(rejects.get(0).rawText()).isEqualTo("{not json}");
        assertThat(rejects).allSatisfy(reject -> assertThat(reject.sourceFile()).isEqualTo("f.json"));
    }

    @Test
    void keepsLargeAndNonAsciiFieldsAsData() throws IOException {
        String big = "x".repeat(100_000);
        String content = "{\"ts\":1,\"page\":\"Home\",\"sessionId\":1,\"itemInSession\":0,\"artist\":\"" + big
                + "\",\"song\":\"Bj\u00f6rk \u2013 J\u00f3ga \ud83c\udfb5\"}\n";

        FileCounts counts = read(content);

        assertThat(counts).isEqualTo(new FileCounts(1, 1, 0));
        assertThat(value(0, "artist")).isEqualTo(big);
        assertThat(value(0, "song")).isEqualTo("Bj\u00f6rk \u2013 J\u00f3ga \ud83c\udfb5");
    }

    @Test
    void acceptsNumbersSentAsStringsAndKeepsObjectsAsJsonText() throws IOException {
        String content = "{\"ts\":\"1541990258796\",\"page\":{\"a\":[1,2]},\"sessionId\":7.0,\"itemInSession\":\"3\","
                + "\"userId\":53}\n";

        read(content);

        assertThat(value(0, "ts")).isEqualTo(1541990258796L);
        assertThat(value(0, "session_id")).isEqualTo(7L);
        assertThat(value(0, "item_in_session")).isEqualTo(3L);
        assertThat(value(0, "page")).isEqualTo("{\"a\":[1,2]}");
        assertThat(value(0, "user_id")).isEqualTo("53");
    }

    @Test
    void rejectsInvalidUtf8OnlyOnItsLine() throws IOException {
        byte[] good = (event("Home", 1, 0, "1") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = "{\"ts\":1,\"page\":\"X\",\"sessionId\":1,\"itemInSession\":1}\n".getBytes(StandardCharsets.UTF_8);
        bad[16] = (byte) 0xFF;
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write(good);
        content.write(bad);
        content.write(good);

        FileCounts counts = read(content.toByteArray());

        assertThat(counts).isEqualTo(new FileCounts(3, 2, 1));
        assertThat(rejects.get(0).lineNumber()).isEqualTo(2);
        assertThat(rejects.get(0).reason()).contains("UTF-8");
    }

    @Test
    void readsGzipThroughTheCallerStream() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write((event("NextSong", 2, 0, "2") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        FileCounts counts = new EventFileReader()
                .read(
                        new java.util.zip.GZIPInputStream(new ByteArrayInputStream(zipped.toByteArray())),
                        "f.json.gz",
                        (values, record) -> rows.add(values),
                        rejects::add);

        assertThat(counts).isEqualTo(new FileCounts(1, 1, 0));
    }

    private FileCounts readGzip(byte[] zipped) throws IOException {
        rows.clear();
        records.clear();
        rejects.clear();
        return new EventFileReader()
                .read(
                        new java.util.zip.GZIPInputStream(new ByteArrayInputStream(zipped)),
                        "f.json.gz",
                        (values, record) -> rows.add(values),
                        rejects::add);
    }

    @Test
    void aTruncatedOrCorruptGzipIsOneRejectAfterTheWholeRecordsBeforeIt() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lines.add(event("NextSong", 9, i, "4") + "\n");
        }
        DamagedGzip gzip = DamagedGzip.of(lines);

        for (int whole = 0; whole < lines.size(); whole++) {
            long line = whole + 1;
            assertThat(readGzip(gzip.cutInsideRecord(whole))).isEqualTo(new FileCounts(whole + 1, whole, 1));
            assertThat(rejects).singleElement().satisfies(reject -> {
                assertThat(reject.lineNumber()).isEqualTo(line);
                assertThat(reject.sourceFile()).isEqualTo("f.json.gz");
                assertThat(reject.reason())
                        .isEqualTo("Truncated gzip stream: the file ends inside its compressed data; the " + (line - 1)
                                + (line == 2
                                        ? " complete record before line 2 was read"
                                        : " complete records before line " + line + " were read"));
                assertThat(lines.get((int) line - 1)).startsWith(reject.rawText());
            });
        }
        assertThat(readGzip(gzip.cutAfter(3))).isEqualTo(new FileCounts(4, 3, 1));
        assertThat(rejects).singleElement().satisfies(reject -> {
            assertThat(reject.lineNumber()).isEqualTo(4);
            assertThat(reject.rawText()).isEmpty();
        });
        assertThat(readGzip(gzip.withoutTrailer())).isEqualTo(new FileCounts(7, 6, 1));
        assertThat(rejects.get(0).reason()).startsWith("Truncated gzip stream");
        assertThat(rejects.get(0).lineNumber()).isEqualTo(7);
        assertThat(readGzip(gzip.withWrongCrc())).isEqualTo(new FileCounts(7, 6, 1));
        assertThat(rejects.get(0).reason())
                .isEqualTo("Corrupt gzip data (Corrupt GZIP trailer); the 6 complete records before line 7 were read");
        assertThat(readGzip(gzip.whole())).isEqualTo(new FileCounts(6, 6, 0));
    }

    @Test
    void aReadErrorHalfwayIsOneRejectOfTheLineItInterrupts() throws IOException {
        String first = event("Home", 3, 0, "5") + "\n";
        String second = event("Home", 3, 1, "5") + "\n\n";
        String third = event("Home", 3, 2, "5") + "\n";
        byte[] content = (first + second + third).getBytes(StandardCharsets.UTF_8);
        int failAt = (first + second).length() + 10;

        FileCounts counts = new EventFileReader()
                .read(new FailingStream(content, failAt), "f.json", (values, record) -> rows.add(values), rejects::add);

        assertThat(counts).isEqualTo(new FileCounts(3, 2, 1));
        assertThat(rejects).singleElement().satisfies(reject -> {
            assertThat(reject.lineNumber()).isEqualTo(4);
            assertThat(reject.reason())
                    .isEqualTo("Read error (Input/output error); the 2 complete records before line 4 were read;"
                            + " run etl again");
            assertThat(reject.rawText()).isEqualTo(third.substring(0, 10));
        });
    }

    @Test
    void reasonsNeverNameAParserToken() throws IOException {
        read(String.join(
                "\n",
                "}",
                "]",
                "{\"ts\": }",
                "{\"ts\": 1, \"page\": \"Home\", \"sessionId\": 1, \"itemInSession\": {\"a\": 1}}",
                "{\"ts\": 1, \"page\": \"Home\", \"sessionId\": [], \"itemInSession\": 1}",
                "{\"ts\": 1, \"page\": \"Home\", \"sessionId\": 1, \"itemInSession\": \"true\"}",
                "{\"ts\": 1, \"page\": \"Home\", \"sessionId\": 1, \"itemInSession\": 1,",
                "{\"ts\": 1, \"page\": \"Home\", \"sessionId\": 1, \"itemInSession\": 1}}",
                "null",
                "\"text\""));

        assertThat(rejects).hasSize(10);
        for (Reject reject : rejects) {
            for (com.fasterxml.jackson.core.JsonToken token : com.fasterxml.jackson.core.JsonToken.values()) {
                assertThat(reject.reason()).doesNotContain(token.name());
            }
        }
    }

    @Test
    void readsNumbersAsDuckDbsReaderDoes() throws IOException {
        String content = String.join(
                "\n",
                "{\"ts\":1541990258796.0,\"page\":\"Home\",\"sessionId\":\"9e2\",\"itemInSession\":true,"
                        + "\"status\":2.00000000000000001e2,\"length\":\"-0.0\",\"userId\":-0,}",
                "{\"ts\":1,\"page\":\"Home\",\"sessionId\":1,\"itemInSession\":NaN}",
                "{\"ts\":1,\"page\":\"Home\",\"sessionId\":1,\"itemInSession\":9007199254740993.0}",
                "{\"ts\":1,\"page\":\"Home\",\"sessionId\":1,\"itemInSession\":1,\"length\":Infinity}");

        FileCounts counts = read(content);

        assertThat(counts).isEqualTo(new FileCounts(4, 1, 3));
        assertThat(value(0, "ts")).isEqualTo(1541990258796L);
        assertThat(value(0, "session_id")).isEqualTo(900L);
        assertThat(value(0, "item_in_session")).isEqualTo(1L);
        assertThat(value(0, "status")).isEqualTo(200);
        assertThat(value(0, "length")).isEqualTo(-0.0);
        assertThat(value(0, "user_id")).isEqualTo("0");
        assertThat(rejects).extracting(Reject::reason).allSatisfy(reason -> assertThat(reason)
                .contains("out of range"));
    }
}
