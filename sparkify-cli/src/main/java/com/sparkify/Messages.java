package com.sparkify;

import java.util.Locale;

/** The wording of messages a user reads: one line each, counts with their noun in the right number. */
public final class Messages {
    private Messages() {}

    /** The first line of {@code message}; "null" when there is none, as string concatenation would show. */
    public static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** The first line of the throwable's own message. */
    public static String firstLine(Throwable e) {
        return firstLine(e.getMessage());
    }

    /** {@code n} and its noun, singular for one: "1 record", "1,200 records". */
    public static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
