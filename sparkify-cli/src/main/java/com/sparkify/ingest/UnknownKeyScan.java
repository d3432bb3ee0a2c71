package com.sparkify.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the top-level keys that a {@link RecordLayout} does not know in records of one JSON object per line,
 * without parsing values: for DuckDB's {@code read_json}, which reads only the layout's keys. It shares the
 * CPU with DuckDB's reader of the same lines, so it is cheap where lines hold known keys only: every key
 * ends in a quote and a colon, and the eight bytes before such a colon find a known key in a table. Only a
 * line with a colon that look-up cannot place is walked key by key, skipping values by their delimiters.
 * A line that is not a well-formed object at the top level counts for nothing: such a record is rejected,
 * by whichever parser reads it.
 */
public final class UnknownKeyScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long COLONS = 0x3A3A3A3A3A3A3A3AL;

    /** The layout's keys as UTF-8, by length. */
    private final byte[][][] knownByLength;

    private static final long HASH = 0x9E3779B97F4A7C15L;
    private static final int HASH_SHIFT = 64 - 6;
    /**
     * Keys of six bytes or more by the eight bytes up to their closing quote (their last seven bytes and the
     * quote, or the opening quote too): an open-addressing table, 0 for a free slot.
     */
    private final long[] tail = new long[1 << (64 - HASH_SHIFT)];

    private final int[] tailLength = new int[tail.length];
    /**
     * The opening quote and the bytes of a long key before its last seven, as a little-endian word masked by
     * {@link #headMask}; 0 and 0 when the eight bytes hold the whole key.
     */
    private final long[] head = new long[tail.length];

    private final long[] headMask = new long[tail.length];
    /** Shorter keys: the same eight bytes, masked to the key and its quotes. */
    private final long[] shortMasks;

    private final long[] shortPatterns;
    private final int[] shortLengths;
    /** The same keys as text, for keys written with escapes. */
    private final Set<String> knownNames = new HashSet<>();

    private final Map<String, Long> recordsByKey = new HashMap<>();
    private final List<String> lineKeys = new ArrayList<>(2);

    public UnknownKeyScan(RecordLayout layout) {
        int longest = 0;
        for (Field field : layout.fields()) {
            longest = Math.max(longest, field.jsonName().getBytes(StandardCharsets.UTF_8).length);
        }
        List<List<byte[]>> byLength = new ArrayList<>();
        for (int i = 0; i <= longest; i++) {
            byLength.add(new ArrayList<>());
        }
        for (Field field : layout.fields()) {
            knownNames.add(field.jsonName());
            byte[] name = field.jsonName().getBytes(StandardCharsets.UTF_8);
            byLength.get(name.length).add(name);
        }
        List<byte[]> shortNames = new ArrayList<>();
        for (Field field : layout.fields()) {
            byte[] name = field.jsonName().getBytes(StandardCharsets.UTF_8);
            byte[] quoted = new byte[name.length + 2];
            quoted[0] = '"';
            System.arraycopy(name, 0, quoted, 1, name.length);
            quoted[quoted.length - 1] = '"';
            if (name.length + 2 >= Long.BYTES) {
                long word = (long) LONGS.get(quoted, quoted.length - Long.BYTES);
                int slot = (int) ((word * HASH) >>> HASH_SHIFT);
                while (tail[slot] != 0) {
                    slot = (slot + 1) & (tail.length - 1);
                }
                tail[slot] = word;
                tailLength[slot] = name.length;
                int headBytes = quoted.length - Long.BYTES; // at most 7 for the keys the layouts know
                if (headBytes > 0) {
                    byte[] padded = Arrays.copyOf(quoted, Long.BYTES + headBytes);
                    headMask[slot] = headBytes >= Long.BYTES ? -1L : (1L << (headBytes * 8)) - 1;
                    head[slot] = (long) LONGS.get(padded, 0) & headMask[slot];
                }
            } else {
                shortNames.add(quoted);
            }
        }
        shortMasks = new long[shortNames.size()];
        shortPatterns = new long[shortNames.size()];
        shortLengths = new int[shortNames.size()];
        for (int k = 0; k < shortNames.size(); k++) {
            byte[] quoted = shortNames.get(k);
            byte[] padded = new byte[Long.BYTES];
            System.arraycopy(quoted, 0, padded, Long.BYTES - quoted.length, quoted.length);
            int shift = (Long.BYTES - quoted.length) * 8;
            shortMasks[k] = -1L << shift; // the last bytes of a little-endian word are its high bytes
            shortPatterns[k] = (long) LONGS.get(padded, 0) & shortMasks[k];
            shortLengths[k] = quoted.length - 2;
        }
        knownByLength = new byte[longest + 1][][];
        for (int i = 0; i <= longest; i++) {
            knownByLength[i] = byLength.get(i).toArray(byte[][]::new);
        }
    }

    /** For each unknown key, how many records held it, since this scan was made or last cleared. */
    public Map<String, Long> recordsByKey() {
        return Map.copyOf(recordsByKey);
    }

    public void clear() {
        recordsByKey.clear();
    }

    /** Scans the record in bytes [from, to) of {@code line}: one JSON object, maybe after a BOM. */
    public void scan(byte[] line, int from, int to) {
        if (!onlyKnownKeys(line, from, to)) {
            walk(line, from, to);
        }
    }

    /**
     * Whether every key of the line, at any depth, is a known one, looked up from the colon after it; false
     * when unsure. A colon after a closing quote ends every key, and ends a value's text only rarely, so most
     * lines need no walk through their values.
     */
    private boolean onlyKnownKeys(byte[] line, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(line, i) ^ COLONS;
            long colons = ~(((word & LOW_BITS) + LOW_BITS) | word) & HIGH_BITS;
            while (colons != 0) {
                if (!knownBefore(line, from, i + (Long.numberOfTrailingZeros(colons) >>> 3))) {
                    return false;
                }
                colons &= colons - 1;
            }
        }
        for (; i < to; i++) {
            if (line[i] == ':' && !knownBefore(line, from, i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the colon at {@code colon} ends no key, or a known key; false when unsure. */
    boolean knownBefore(byte[] line, int from, int colon) {
        int quote = colon - 1;
        if (quote < from) {
            return false;
        }
        byte before = line[quote];
        if (before != '"') {
            // blanks before a key's colon are rare: let the walk decide; else a colon inside a value's text,
            // as in a user agent's "rv:31.0"
            return before != ' ' && before != '\t' && before != '\r';
        }
        if (quote - Long.BYTES < from) {
            return false;
        }
        // the eight bytes up to the closing quote: a long key's last seven bytes, or a short key whole
        long word = (long) LONGS.get(line, quote - 7);
        int slot = (int) ((word * HASH) >>> HASH_SHIFT);
        for (long entry = tail[slot]; entry != 0; entry = tail[slot = (slot + 1) & (tail.length - 1)]) {
            if (entry == word) {
                int openingQuote = quote - tailLength[slot] - 1;
                return openingQuote >= from
                        && (openingQuote - 1 < from || line[openingQuote - 1] != '\\')
                        && ((long) LONGS.get(line, openingQuote) & headMask[slot]) == head[slot];
            }
        }
        for (int k = 0; k < shortMasks.length; k++) {
            if ((word & shortMasks[k]) == shortPatterns[k]) {
                int openingQuote = quote - shortLengths[k] - 1;
                return openingQuote - 1 < from || line[openingQuote - 1] != '\\';
            }
        }
        return false;
    }

    /** Finds the unknown keys of the record in [from, to) by walking its keys and values. */
    void walk(byte[] line, int from, int to) {
        int i = skipBlanks(line, from, to);
        if (i + 3 <= to && (line[i] & 0xFF) == 0xEF && (line[i + 1] & 0xFF) == 0xBB && (line[i + 2] & 0xFF) == 0xBF) {
            i = skipBlanks(line, i + 3, to);
        }
        if (i >= to || line[i] != '{') {
            return;
        }
        lineKeys.clear();
        i = skipBlanks(line, i + 1, to);
        if (i < to && line[i] == '}') {
            i++;
        } else {
            i = members(line, i, to);
        }
        if (i < 0 || skipBlanks(line, i, to) != to) {
            return;
        }
        for (String key : lineKeys) {
            recordsByKey.merge(key, 1L, Long::sum);
        }
    }

    /** Reads {@code "key": value} pairs up to and including the closing brace; -1 when malformed. */
    private int members(byte[] line, int i, int to) {
        while (true) {
            if (i >= to || line[i] != '"') {
                return -1;
            }
            int keyEnd = stringEnd(line, i + 1, to);
            if (keyEnd < 0) {
                return -1;
            }
            if (!known(line, i + 1, keyEnd)) {
                String key = decode(line, i + 1, keyEnd);
                if (!knownNames.contains(key) && !lineKeys.contains(key)) {
                    lineKeys.add(key);
                }
            }
            i = skipBlanks(line, keyEnd + 1, to);
            if (i >= to || line[i] != ':') {
                return -1;
            }
            i = skipValue(line, skipBlanks(line, i + 1, to), to);
            if (i < 0) {
                return -1;
            }
            i = skipBlanks(line, i, to);
            if (i >= to) {
                return -1;
            }
            if (line[i] == '}') {
                return i + 1;
            }
            if (line[i] != ',') {
                return -1;
            }
            i = skipBlanks(line, i + 1, to);
        }
    }

    /** The index after the value starting at {@code i}; -1 when malformed. */
    private static int skipValue(byte[] line, int i, int to) {
        if (i >= to) {
            return -1;
        }
        byte first = line[i];
        if (first == '"') {
            int end = stringEnd(line, i + 1, to);
            return end < 0 ? -1 : end + 1;
        }
        if (first == '{' || first == '[') {
            return skipNested(line, i, to);
        }
        // a number, true, false or null: up to the next delimiter; the parsers judge its text
        int j = i;
        while (j < to) {
            byte b = line[j];
            if (b == ',' || b == '}' || b == ']' || b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                break;
            }
            j++;
        }
        return j == i ? -1 : j;
    }

    private static int skipNested(byte[] line, int i, int to) {
        int depth = 0;
        while (i < to) {
            byte b = line[i];
            if (b == '"') {
                int end = stringEnd(line, i + 1, to);
                if (end < 0) {
                    return -1;
                }
                i = end + 1;
                continue;
            }
            if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                if (--depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return -1;
    }

    /** The index of the quote closing a string whose text starts at {@code i}; -1 when it does not close. */
    static int stringEnd(byte[] line, int i, int to) {
        while (i < to) {
            while (i + Long.BYTES <= to) {
                long word = (long) LONGS.get(line, i);
                long quotes = word ^ QUOTES;
                long backslashes = word ^ BACKSLASHES;
                long found = ((quotes - ONES) & ~quotes | (backslashes - ONES) & ~backslashes) & HIGH_BITS;
                if (found != 0) {
                    // the lowest flagged byte is exact: only bytes after a match can be flagged wrongly
                    i += Long.numberOfTrailingZeros(found) >>> 3;
                    break;
                }
                i += Long.BYTES;
            }
            for (; i < to; i++) {
                byte b = line[i];
                if (b == '"') {
                    return i;
                }
                if (b == '\\') {
                    break;
                }
            }
            i += 2; // an escape: the backslash and the character it escapes
        }
        return -1;
    }

    private boolean known(byte[] line, int from, int to) {
        int length = to - from;
        if (length >= knownByLength.length) {
            return false;
        }
        for (byte[] name : knownByLength[length]) {
            if (name[0] == line[from] && equal(name, line, from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equal(byte[] name, byte[] line, int from) {
        for (int k = 1; k < name.length; k++) {
            if (name[k] != line[from + k]) {
                return false;
            }
        }
        return true;
    }

    private static int skipBlanks(byte[] line, int i, int to) {
        while (i < to) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return i;
            }
            i++;
        }
        return i;
    }

    /** The key's text with JSON escapes decoded; an escaped key is rare, so this need not be fast. */
    private static String decode(byte[] line, int from, int to) {
        String raw = new String(line, from, to - from, StandardCharsets.UTF_8);
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder key = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                key.append(c);
                continue;
            }
            char escaped = raw.charAt(++i);
            switch (escaped) {
                case 'b' -> key.append('\b');
                case 'f' -> key.append('\f');
                case 'n' -> key.append('\n');
                case 'r' -> key.append('\r');
                case 't' -> key.append('\t');
                case 'u' -> {
                    try {
                        key.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                        i += 4;
                    } catch (NumberFormatException | IndexOutOfBoundsException e) {
                        key.append("\\u"); // invalid JSON: the parsers reject such a record
                    }
                }
                default -> key.append(escaped);
            }
        }
        return key.toString();
    }
}
