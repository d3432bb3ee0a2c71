package com.sparkify.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.testing.LineRecords;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The fast path's byte scan finds the unknown top-level keys that a JSON parser finds, record by record. */
class UnknownKeyScanTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KNOWN =
            RecordLayout.EVENTS.fields().stream().map(Field::jsonName).collect(Collectors.toSet());
    private static final String EVENT = "{\"artist\":\"A\",\"auth\":\"Logged In\",\"firstName\":\"Ann\","
            + "\"gender\":\"F\",\"itemInSession\":3,\"lastName\":\"Lee\",\"length\":200.5,\"level\":\"free\","
            + "\"location\":\"X, Y\",\"method\":\"PUT\",\"page\":\"NextSong\",\"registration\":1.5E12,"
            + "\"sessionId\":7,\"song\":\"T\",\"status\":200,\"ts\":1541105830796,"
            + "\"userAgent\":\"Mozilla/5.0 (Windows NT 6.1; rv:31.0) Gecko\",\"userId\":\"7\"}";

    /** What a parser says: for each unknown top-level key, the records holding it. */
    private static Map<String, Long> truth(List<String> lines) throws IOException {
        Map<String, Long> keys = new HashMap<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line.startsWith("\uFEFF") ? line.substring(1) : line);
            Iterator<String> names = node.fieldNames();
            Set<String> seen = new java.util.HashSet<>();
            while (names.hasNext()) {
                String name = names.next();
                if (!KNOWN.contains(name) && seen.add(name)) {
                    keys.merge(name, 1L, Long::sum);
                }
            }
        }
        return keys;
    }

    private static Map<String, Long> scanned(List<String> lines, String separator) throws IOException {
        UnknownKeyScan scan = new UnknownKeyScan(RecordLayout.EVENTS);
        byte[] bytes = String.join(separator, lines).getBytes(StandardCharsets.UTF_8);
        long records = RecordCounter.countRecords(new ByteArrayInputStream(bytes), scan);
        assertThat(records).isEqualTo(LineRecords.count(new ByteArrayInputStream(bytes)));
        return scan.recordsByKey();
    }

    private static String with(String members) {
        return EVENT.substring(0, EVENT.length() - 1) + "," + members + "}";
    }

    @Test
    void findsTheUnknownKeysAParserFinds() throws IOException {
        List<String> lines = List.of(
                EVENT,
                with("\"newField\":1"),
                "{\"newField\":\"a\",\"ts\":1}",
                with("\"newField\":{\"nested\":{\"deeper\":[1,\"]}\"]}},\"bpm\" : 120"),
                with("\"x y\":\"q\\\"z\""),
                with("\"new\\u0046ield\":true,\"t\\u0073\":null"),
                with("\"newField\":1,\"newField\":2"),
                with("\"xts\":1,\"userIdx\":2,\"ABrstName\":3,\"firstNam\":4,\"tS\":5"),
                with("\"a\\\"ts\":1"),
                "{\"song\":\"a \\\"ts\\\": b\",\"page\":\"\\\"newField\\\":\",\"ts\":1}",
                "\uFEFF" + with("\"bom\":1"),
                "  " + with("\"spaced\" :\t1") + " \r",
                with("\"\u00e9t\u00e9\":\"\u00fc\"") // keys above ASCII
                );

        assertThat(scanned(lines, "\n")).isEqualTo(truth(lines)).containsEntry("newField", 5L);
        assertThat(scanned(lines, "\r\n\n")).isEqualTo(truth(lines));
    }

    @Test
    void linesThatAreNotWellFormedObjectsCountNothing() throws IOException {
        List<String> lines =
                List.of("[{\"newField\":1}]", "{\"newField\":1", "{\"newField\":1}{\"x\":2}", "{\"newField\" 1}", "42");

        assertThat(scanned(lines, "\n")).isEmpty();
    }

    @Test
    void recordsAcrossBufferBoundariesAndLongValues() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(with("\"pad\":\"" + "p".repeat(7_001 * i) + "\",\"late\":" + i));
        }

        assertThat(scanned(lines, "\n")).isEqualTo(truth(lines)).containsEntry("late", 40L);
    }

    @Test
    void agreesWithAParserOnRandomKeysAndValues() throws IOException {
        Random random = new Random(18);
        List<String> names = new ArrayList<>(KNOWN);
        names.addAll(List.of("newField", "bpm", "ts2", "Ts", "user_id", "sessionid", "a:b", "q\\\"", "\\u0074s"));
        List<String> values = List.of(
                "1", "-2.5e3", "null", "true", "\"s\"", "\"a\\\"b:\\\"c\"", "{\"ts\":{\"x\":[]}}", "[1,{\"k\":2}]");
        List<String> lines = new ArrayList<>();
        for (int line = 0; line < 5_000; line++) {
            StringBuilder record = new StringBuilder("{");
            int members = random.nextInt(22);
            for (int m = 0; m < members; m++) {
                record.append(m == 0 ? "" : ",")
                        .append(random.nextInt(10) == 0 ? " " : "")
                        .append('"')
                        .append(names.get(random.nextInt(names.size())))
                        .append("\":")
                        .append(values.get(random.nextInt(values.size())));
            }
            lines.add(record.append('}').toString());
        }

        assertThat(scanned(lines, "\n")).isEqualTo(truth(lines));
    }
}
