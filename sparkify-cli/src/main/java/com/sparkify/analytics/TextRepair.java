package com.sparkify.analytics;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Repairs text that was UTF-8 read as Latin-1, once or more: the sample's event logs spell Björk as
 * {@code "Bj\\u00c3\\u0083\\u00c2\\u00b6rk"} (UTF-8, misread as Latin-1, encoded to UTF-8, misread again). A repair step
 * re-encodes the text as Latin-1 and decodes the bytes as UTF-8; steps repeat while the bytes are valid
 * UTF-8 and the text shrinks. Text with a character outside Latin-1, or whose Latin-1 bytes are not valid
 * UTF-8 (such as a genuine {@code é}), is left alone: there the repair would be a guess.
 */
public final class TextRepair {
    private TextRepair() {}

    /** The repaired text, or {@code text} itself when it does not look double-encoded; null stays null. */
    public static String repair(String text) {
        if (text == null) {
            return null;
        }
        String current = text;
        for (String next = step(current); next != null; next = step(current)) {
            current = next;
        }
        return current;
    }

    /** Whether {@link #repair} changes the text. */
    public static boolean looksDoubleEncoded(String text) {
        return text != null && step(text) != null;
    }

    private static String step(String text) {
        boolean nonAscii = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                return null;
            }
            nonAscii |= c >= 0x80;
        }
        if (!nonAscii) {
            return null;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String decoded = utf8.decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
            return decoded.length() < text.length() ? decoded : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
