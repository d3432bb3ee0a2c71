package com.sparkify;

/** Shortens a driver's or a library's message to what fits in one line of an error a user reads. */
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
}
