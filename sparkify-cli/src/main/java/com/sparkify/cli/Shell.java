package com.sparkify.cli;

import java.util.regex.Pattern;

/** Words of a command line a user can paste into a POSIX shell as they are printed. */
final class Shell {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private Shell() {}

    /** {@code word} as is when the shell leaves it alone, else in single quotes. */
    static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
