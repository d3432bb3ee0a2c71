package com.sparkify.testing;

import static com.sparkify.testing.DamagedCorpus.concat;
import static com.sparkify.testing.DamagedCorpus.utf8;

import com.sparkify.ingest.Field;
import com.sparkify.ingest.RecordLayout;
import com.sparkify.source.DataKind;
import com.sparkify.testing.DamagedCorpus.Expected;
import com.sparkify.testing.ValueVariants.Variant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event logs of a {@link DamagedCorpus}. Each odd value is alone in its file, next to ordinary records:
 * DuckDB's fast path keeps a file only when it stages every line, so each odd record decides alone whether
 * its file takes the fast path, and the two paths are compared on it.
 */
final class DamagedEvents {
    private final DamagedCorpus corpus;

    DamagedEvents(DamagedCorpus corpus) {
        this.corpus = corpus;
    }

    /** One event: its keys' JSON texts in order, and the values it stages. */
    private static final class Event {
        final Map<String, String> literals = new LinkedHashMap<>();
        final Map<String, Object> values = new LinkedHashMap<>();

        Event set(String key, String literal, Object value) {
            Field field = field(key);
            if (literal == null) {
                literals.remove(key);
            } else {
                literals.put(key, literal);
            }
            values.put(field.column(), value);
            return this;
        }

        String json() {
            StringBuilder json = new StringBuilder("{");
            literals.forEach((key, literal) -> json.append(json.length() > 1 ? "," : "")
                    .append('"')
                    .append(key)
                    .append("\":")
                    .append(literal));
            return json.append('}').toString();
        }

        Expected good(String label) {
            return Expected.good(label, values);
        }
    }

    private static Field field(String key) {
        return RecordLayout.EVENTS.fields().stream()
                .filter(f -> f.jsonName().equals(key))
                .findFirst()
                .orElseThrow();
    }

    /** A NextSong event of user 7 with every key set, unique by its session. */
    private Event play() {
        int id = corpus.unique();
        return new Event()
                .set("artist", "\"Artist " + id + "\"", "Artist " + id)
                .set("auth", "\"Logged In\"", "Logged In")
                .set("firstName", "\"Ann\"", "Ann")
                .set("gender", "\"F\"", "F")
                .set("itemInSession", String.valueOf(id), (long) id)
                .set("lastName", "\"Lee\"", "Lee")
                .set("length", "200.5", 200.5)
                .set("level", "\"free\"", "free")
                .set("location", "\"Town, ST\"", "Town, ST")
                .set("method", "\"PUT\"", "PUT")
                .set("page", "\"NextSong\"", "NextSong")
                .set("registration", "1540919166796.0", 1540919166796.0)
                .set("sessionId", String.valueOf(100_000 + id), 100_000L + id)
                .set("song", "\"Song " + id + "\"", "Song " + id)
                .set("status", "200", 200)
                .set("ts", String.valueOf(1_541_990_217_796L + 1000L * id), 1_541_990_217_796L + 1000L * id)
                .set("userAgent", "\"Mozilla/5.0\"", "Mozilla/5.0")
                .set("userId", "\"7\"", "7");
    }

    /** An event of nobody logged in: its level reaches no user, so any text may stand there. */
    private Event anonymous() {
        return play().set("page", "\"Home\"", "Home").set("userId", null, null);
    }

    void writeAll() throws IOException {
        for (Field field : RecordLayout.EVENTS.fields()) {
            int count = variants(field, play()).size();
            for (int i = 0; i < count; i++) {
                Event event = field.jsonName().equals("level") ? anonymous() : play();
                Variant variant = variants(field, event).get(i);
                event.set(field.jsonName(), variant.literal(), variant.value());
                String label = field.jsonName() + "=" + variant.label();
                if (variant.good()) {
                    Event other = play();
                    Expected expected = event.good(label);
                    if (variant.duckDbValue() != null) {
                        Map<String, Object> duckDb = new LinkedHashMap<>(event.values);
                        duckDb.put(field.column(), variant.duckDbValue());
                        expected = Expected.good(label, event.values, duckDb);
                    }
                    lines(
                            "good-" + field.jsonName() + "-" + i + ".json",
                            List.of(other.good("ordinary"), expected),
                            List.of(other.json(), event.json()),
                            "\n");
                } else {
                    writeOneBad(field.jsonName() + "-" + i, label, event.json());
                }
            }
        }
        writeRecordLevelCases();
        writeFraming();
    }

    private static List<Variant> variants(Field field, Event event) {
        return field.jsonName().equals("userId")
                ? userIds()
                : ValueVariants.of(field, event.values.get(field.column()));
    }

    /** userId must hold digits only (at most 18), and a NextSong event needs one. */
    private static List<Variant> userIds() {
        return List.of(
                new Variant("\"39\"", "\"39\"", true, "39"),
                new Variant("39", "39", true, "39"),
                new Variant("\"007\"", "\"007\"", true, "007"),
                new Variant("\"123456789012345678\"", "\"123456789012345678\"", true, "123456789012345678"),
                new Variant("\"0\"", "\"0\"", true, "0"),
                new Variant("missing", null, false, null),
                new Variant("null", "null", false, null),
                new Variant("\"\"", "\"\"", false, null),
                new Variant("\"abc\"", "\"abc\"", false, null),
                new Variant("\"-5\"", "\"-5\"", false, null),
                new Variant("\" 5\"", "\" 5\"", false, null),
                new Variant("39.5", "39.5", false, null),
                new Variant("39.0", "39.0", false, null),
                new Variant("-0", "-0", true, "0"),
                new Variant("1e2", "1e2", false, null),
                new Variant("true", "true", false, null),
                new Variant("{}", "{}", false, null),
                new Variant("[39]", "[39]", false, null),
                new Variant("\"1234567890123456789\"", "\"1234567890123456789\"", false, null));
    }

    /** A file of a good record, the bad one, and another good record. */
    private void writeOneBad(String name, String label, String badLine) throws IOException {
        writeOneBad(name, label, utf8(badLine), new String(utf8(badLine), StandardCharsets.UTF_8));
    }

    private void writeOneBad(String name, String label, byte[] badLine, String rawText) throws IOException {
        Event before = play();
        Event after = play();
        byte[] content = concat(utf8(before.json() + "\n"), badLine, utf8("\n" + after.json() + "\n"));
        corpus.add(
                "bad-" + name + ".json",
                DataKind.EVENTS,
                content,
                List.of(before.good("before"), Expected.bad(label, rawText), after.good("after")));
    }

    private void writeRecordLevelCases() throws IOException {
        // A key given twice: the last value is the one staged; every value must still be valid.
        Event twice = play();
        long firstTs = (Long) twice.values.get("ts");
        twice.set("ts", String.valueOf(firstTs + 1), firstTs + 1);
        String twiceJson = twice.json().replaceFirst("\\{", "{\"ts\":" + firstTs + ",");
        Event pageTwice = play();
        String pageTwiceJson = pageTwice.json().replaceFirst("\\{", "{\"page\":\"Home\",");
        Event unknown = play();
        String unknownJson = unknown.json().replaceFirst("\\{", "{\"extra\":1,\"extra\":\"again\",");
        Event nested = play();
        String nestedJson =
                nested.json().replaceFirst("\\{", "{\"deep\":{\"a\":[1,{\"b\":null,\"c\":[[]]}],\"ts\":\"x\"},");
        Event upper = play();
        String upperJson = upper.json().replaceFirst("\\{", "{\"TS\":\"not a number\",\"PAGE\":5,");
        Event trailing = play();
        String trailingJson = trailing.json().replaceFirst("}$", ",\"deep\":[1,{\"a\":2,},],}");
        Event nonNumeric = play();
        String nonNumericJson = nonNumeric.json().replaceFirst("}$", ",\"extra\":[NaN,Infinity,-Infinity]}");
        Event nanText = play().set("gender", "NaN", "NaN").set("firstName", "-Infinity", "-Infinity");
        Event longText = play();
        longText.set("song", "\"" + "s".repeat(100_000) + "\"", "s".repeat(100_000));
        lines(
                "odd-but-good.json",
                List.of(
                        twice.good("ts twice"),
                        pageTwice.good("page twice"),
                        unknown.good("unknown key twice"),
                        nested.good("unknown nested key"),
                        upper.good("keys in other case"),
                        trailing.good("trailing commas"),
                        nonNumeric.good("NaN and Infinity in an unknown key"),
                        nanText.good("NaN and -Infinity where text belongs"),
                        longText.good("100 KB song")),
                List.of(
                        twiceJson,
                        pageTwiceJson,
                        unknownJson,
                        nestedJson,
                        upperJson,
                        trailingJson,
                        nonNumericJson,
                        nanText.json(),
                        longText.json()),
                "\n");

        String good = play().json();
        writeOneBad("first-of-twice-invalid", "ts twice, first invalid", good.replaceFirst("\\{", "{\"ts\":\"abc\","));
        writeOneBad("only-upper-ts", "TS but no ts", good.replace("\"ts\":", "\"TS\":"));
        writeOneBad("truncated", "truncated", good.substring(0, good.length() / 2));
        writeOneBad("truncated-in-string", "cut in a string", good.substring(0, good.indexOf("Logged") + 3));
        writeOneBad("array", "an array", "[" + good + "]");
        writeOneBad("number", "a number", "42");
        writeOneBad("string", "a string", "\"text\"");
        writeOneBad("null", "null", "null");
        writeOneBad("empty-object", "an empty object", "{}");
        writeOneBad("two-objects", "two objects on a line", good + good);
        writeOneBad("nan-number", "NaN where a number belongs", good.replace("\"length\":200.5", "\"length\":NaN"));
        writeOneBad("leading-zero", "a leading zero", good.replace("\"status\":200", "\"status\":0200"));
        writeOneBad("single-quotes", "single quotes", good.replace("\"gender\":\"F\"", "'gender':'F'"));
        writeOneBad("comment", "a comment after it", good + " // note");
        writeOneBad("unquoted-key", "an unquoted key", good.replace("\"gender\"", "gender"));
        writeOneBad("raw-nul-in-text", "raw NUL in a string", good.replace("\"F\"", "\"F\u0000\""));
        writeOneBad("raw-nul-between", "raw NUL between keys", good.replace(",\"gender\"", ",\u0000\"gender\""));
        writeOneBad("raw-tab-in-text", "raw tab in a string", good.replace("\"Ann\"", "\"A\tnn\""));
        byte[] invalid = concat(
                utf8(good.substring(0, good.indexOf("Ann"))),
                new byte[] {(byte) 0xFF, (byte) 0xC3},
                utf8(good.substring(good.indexOf("Ann"))));
        writeOneBad("invalid-utf8", "invalid UTF-8", invalid, new String(invalid, StandardCharsets.UTF_8));
    }

    /** Line endings, byte-order mark, blank lines, a missing final newline, gzip. */
    private void writeFraming() throws IOException {
        List<Expected> records = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Event event = play();
            records.add(event.good("crlf " + i));
            lines.add(event.json());
        }
        lines("crlf.json", records, lines, "\r\n");

        Event bomFirst = play();
        Event bomSecond = play();
        corpus.add(
                "bom.json",
                DataKind.EVENTS,
                concat(
                        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        utf8(bomFirst.json() + "\n" + bomSecond.json())),
                List.of(bomFirst.good("after a BOM"), bomSecond.good("last line without newline")));

        Event first = play();
        Event second = play();
        corpus.add(
                "blank-lines.json",
                DataKind.EVENTS,
                utf8("\n  \n" + first.json() + "\n\t\r\n\n" + second.json() + "\n \n"),
                List.of(first.good("after blank lines"), second.good("between blank lines")));

        Event zipped = play();
        Event zippedAfter = play();
        String broken = "{\"ts\":1,\"page\":";
        corpus.add(
                "zipped.json.gz",
                DataKind.EVENTS,
                DamagedCorpus.gzip(utf8(zipped.json() + "\n" + broken + "\n" + zippedAfter.json() + "\n")),
                List.of(zipped.good("gzip"), Expected.bad("gzip, truncated record", broken), zippedAfter.good("gzip")));
        corpus.add("empty.json", DataKind.EVENTS, new byte[0], List.of());

        writeDamagedGzip();
    }

    /** Gzip cut short, gzip whose checksum fails, and a .json.gz that is not gzip at all. */
    private void writeDamagedGzip() throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Event event = play();
            events.add(event);
            content.writeBytes(utf8(event.json() + "\n"));
        }
        byte[] gzip = DamagedCorpus.gzip(content.toByteArray());
        byte[] cut = DamagedCorpus.truncate(gzip, gzip.length / 2);
        damagedGzip("gzip-truncated.json.gz", cut, events);
        byte[] badTrailer = gzip.clone();
        badTrailer[gzip.length - 8] ^= 0x5A; // the CRC: every record decompresses, then the check fails
        damagedGzip("gzip-bad-checksum.json.gz", badTrailer, events);
        corpus.add(
                "not-gzip.json.gz",
                DataKind.EVENTS,
                utf8(events.get(0).json() + "\n"),
                List.of(Expected.bad("not gzip", null)));
    }

    /** The complete lines that decompress before the damage are staged; the damage is one reject. */
    private void damagedGzip(String name, byte[] damaged, List<Event> events) throws IOException {
        byte[] prefix = DamagedCorpus.readableGzipPrefix(damaged);
        int complete = 0;
        for (byte b : prefix) {
            complete += b == '\n' ? 1 : 0;
        }
        List<Expected> records = new ArrayList<>();
        for (int i = 0; i < complete; i++) {
            records.add(events.get(i).good(name + " " + i));
        }
        records.add(Expected.bad(name + ": the damage", null));
        corpus.add(name, DataKind.EVENTS, damaged, records);
    }

    private void lines(String name, List<Expected> records, List<String> lines, String newline) throws IOException {
        corpus.add(name, DataKind.EVENTS, utf8(String.join(newline, lines) + newline), records);
    }
}
