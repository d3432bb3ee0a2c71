package com.sparkify.testing;

import static com.sparkify.testing.DamagedCorpus.concat;
import static com.sparkify.testing.DamagedCorpus.utf8;

import com.sparkify.ingest.Field;
import com.sparkify.ingest.RecordLayout;
import com.sparkify.source.DataKind;
import com.sparkify.testing.DamagedCorpus.Expected;
import com.sparkify.testing.ValueVariants.Variant;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The song files of a {@link DamagedCorpus}: one object, arrays, concatenations, pretty-printed or not. */
final class DamagedSongs {
    private final DamagedCorpus corpus;

    DamagedSongs(DamagedCorpus corpus) {
        this.corpus = corpus;
    }

    /** One song: its keys' JSON texts in order, and the values it stages. */
    private static final class Song {
        final Map<String, String> literals = new LinkedHashMap<>();
        final Map<String, Object> values = new LinkedHashMap<>();
        String prefix = "";

        Song set(String key, String literal, Object value) {
            if (literal == null) {
                literals.remove(key);
            } else {
                literals.put(key, literal);
            }
            values.put(key, value);
            return this;
        }

        /** On one line, or pretty-printed over several. */
        String json(boolean pretty) {
            String separator = pretty ? ",\n  " : ", ";
            StringBuilder json = new StringBuilder(pretty ? "{\n  " : "{").append(prefix);
            boolean first = true;
            for (Map.Entry<String, String> entry : literals.entrySet()) {
                json.append(first ? "" : separator)
                        .append('"')
                        .append(entry.getKey())
                        .append("\": ")
                        .append(entry.getValue());
                first = false;
            }
            return json.append(pretty ? "\n}" : "}").toString();
        }

        Expected good(String label) {
            return Expected.good(label, values);
        }
    }

    private Song song() {
        int id = corpus.unique();
        return new Song()
                .set("num_songs", "1", 1)
                .set("artist_id", "\"AR" + id + "\"", "AR" + id)
                .set("artist_latitude", "35.5", 35.5)
                .set("artist_longitude", "-80.25", -80.25)
                .set("artist_location", "\"City, ST\"", "City, ST")
                .set("artist_name", "\"Band " + id + "\"", "Band " + id)
                .set("song_id", "\"SO" + id + "\"", "SO" + id)
                .set("title", "\"Title " + id + "\"", "Title " + id)
                .set("duration", "218.93", 218.93)
                .set("year", "2001", 2001);
    }

    void writeAll() throws IOException {
        int fieldIndex = 0;
        for (Field field : RecordLayout.SONGS.fields()) {
            boolean array = fieldIndex++ % 2 == 0;
            List<Song> goodSongs = new ArrayList<>();
            List<Expected> good = new ArrayList<>();
            List<Song> wrongType = new ArrayList<>();
            List<String> wrongTypeLabels = new ArrayList<>();
            List<Song> missing = new ArrayList<>();
            int count =
                    ValueVariants.of(field, song().values.get(field.jsonName())).size();
            for (int i = 0; i < count; i++) {
                Song song = song();
                Variant variant = ValueVariants.of(field, song.values.get(field.jsonName()))
                        .get(i);
                song.set(field.jsonName(), variant.literal(), variant.value());
                String label = field.jsonName() + "=" + variant.label();
                if (variant.good()) {
                    goodSongs.add(song);
                    good.add(song.good(label));
                } else if (variant.literal() == null || variant.literal().equals("null")) {
                    missing.add(song);
                } else {
                    wrongType.add(song);
                    wrongTypeLabels.add(label);
                }
            }
            write("field-" + field.jsonName() + ".json", goodSongs, good, array, !array);
            if (!missing.isEmpty()) {
                oneBadEach("missing-" + field.jsonName() + ".json", missing, field.jsonName() + " missing", array);
            }
            if (!wrongType.isEmpty()) {
                oneBadEach(
                        "wrong-type-" + field.jsonName() + ".json",
                        wrongType,
                        field.jsonName() + " of a wrong type",
                        array);
            }
        }
        writeOddButGood();
        writeStructure();
    }

    /** Good songs around each bad one, in an array or concatenated; each bad one is one whole reject. */
    private void oneBadEach(String name, List<Song> bad, String label, boolean array) throws IOException {
        List<String> texts = new ArrayList<>();
        List<Expected> records = new ArrayList<>();
        Song first = song();
        texts.add(first.json(false));
        records.add(first.good("first"));
        for (Song song : bad) {
            String text = song.json(!array);
            texts.add(text);
            records.add(Expected.bad(label, text));
            Song after = song();
            texts.add(after.json(!array));
            records.add(after.good("after"));
        }
        corpus.add(name, DataKind.SONGS, utf8(frame(texts, array)), records);
    }

    private void write(String name, List<Song> songs, List<Expected> records, boolean array, boolean pretty)
            throws IOException {
        List<String> texts = songs.stream().map(song -> song.json(pretty)).toList();
        corpus.add(name, DataKind.SONGS, utf8(frame(texts, array)), records);
    }

    private static String frame(List<String> texts, boolean array) {
        return array ? "[\n" + String.join(",\n", texts) + "\n]\n" : String.join("\n", texts) + "\n";
    }

    private void writeOddButGood() throws IOException {
        Song twice = song();
        twice.prefix = "\"duration\": \"not a number at first\", ";
        twice.values.put("duration", 218.93);
        Song unknown = song();
        unknown.prefix = "\"extra\": 1, \"extra\": {\"deep\": [1, {\"song_id\": 5}]}, \"SONG_ID\": true, ";
        Song sparse = song();
        for (Field field : RecordLayout.SONGS.fields()) {
            if (!field.required()) {
                sparse.set(field.jsonName(), null, null);
            }
        }
        // A key given twice keeps its last value, but every value must be valid: the first duration here is
        // not, so this record is not in the good ones; see oneBadEach for it.
        List<Song> songs = List.of(unknown, sparse);
        write(
                "odd-but-good.json",
                songs,
                List.of(unknown.good("unknown keys"), sparse.good("only required")),
                true,
                false);

        Song trailing = song();
        trailing.prefix = "\"extra\": [NaN, Infinity, 1,], ";
        corpus.add(
                "trailing-commas.json",
                DataKind.SONGS,
                utf8("[" + trailing.json(false).replaceFirst("}$", ",}") + ",]"),
                List.of(trailing.good("trailing commas, NaN in an unknown key")));

        Song lastWins = song();
        lastWins.prefix = "\"year\": 1999, \"title\": \"first title\", ";
        write("key-twice.json", List.of(lastWins), List.of(lastWins.good("last value wins")), false, true);
        oneBadEach("first-of-twice-invalid.json", List.of(twice), "duration twice, first invalid", false);
    }

    private void writeStructure() throws IOException {
        Song alone = song();
        corpus.add(
                "bom.json",
                DataKind.SONGS,
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(alone.json(true))),
                List.of(alone.good("after a BOM, no final newline")));

        Song crlfFirst = song();
        Song crlfSecond = song();
        corpus.add(
                "crlf.json",
                DataKind.SONGS,
                utf8((crlfFirst.json(true) + "\n" + crlfSecond.json(true) + "\n").replace("\n", "\r\n")),
                List.of(crlfFirst.good("crlf"), crlfSecond.good("crlf")));

        Song zipped = song();
        corpus.add(
                "zipped.json.gz",
                DataKind.SONGS,
                DamagedCorpus.gzip(utf8("[" + zipped.json(false) + "]")),
                List.of(zipped.good("gzip")));

        corpus.add("empty-array.json", DataKind.SONGS, utf8("[]\n"), List.of());
        corpus.add("blank.json", DataKind.SONGS, utf8(" \n\t\r\n"), List.of());

        Song beforeScalars = song();
        Song afterScalars = song();
        corpus.add(
                "not-objects.json",
                DataKind.SONGS,
                utf8("[" + beforeScalars.json(false) + ", 5, \"x\", null, [1, 2], true, " + afterScalars.json(false)
                        + "]"),
                List.of(
                        beforeScalars.good("before"),
                        Expected.bad("a number", "5"),
                        Expected.bad("a string", "\"x\""),
                        Expected.bad("null", "null"),
                        Expected.bad("an array", "[1, 2]"),
                        Expected.bad("a boolean", "true"),
                        afterScalars.good("after")));

        // Malformed JSON: the parser cannot find the next record, so the rest of the file is one reject.
        Song first = song();
        Song second = song();
        String cut = song().json(true);
        cut = cut.substring(0, cut.length() / 2);
        corpus.add(
                "truncated.json",
                DataKind.SONGS,
                utf8("[\n" + first.json(false) + ",\n" + second.json(false) + ",\n" + cut),
                List.of(first.good("before"), second.good("before"), Expected.bad("truncated", cut.strip())));

        Song head = song();
        String malformed = "{\"num_songs\": 1 \"artist_id\": \"AR\"}\n" + song().json(false);
        corpus.add(
                "malformed-middle.json",
                DataKind.SONGS,
                utf8(head.json(false) + "\n" + malformed + "\n"),
                List.of(head.good("before"), Expected.bad("malformed, and the rest", malformed)));

        corpus.add(
                "scalar.json",
                DataKind.SONGS,
                utf8("\"a song\"\n"),
                List.of(Expected.bad("a top-level string", "\"a song\"")));

        Song nul = song();
        nul.set("title", "\"nul\\u0000title\"", "nul\u0000title");
        write("nul-escaped.json", List.of(nul), List.of(nul.good("escaped NUL")), false, false);
        String rawNul = song().json(false).replace("\"City, ST\"", "\"City\u0000\"");
        corpus.add("nul-raw.json", DataKind.SONGS, utf8(rawNul), List.of(Expected.bad("raw NUL", rawNul)));
    }
}
