package com.sparkify.generate;

import java.util.SplittableRandom;

/** Million Song Dataset identifiers: a two-letter prefix and 16 uppercase letters or digits. */
final class Ids {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int LENGTH = 16;

    private Ids() {}

    static String of(String prefix, SplittableRandom random) {
        StringBuilder id = new StringBuilder(prefix);
        while (id.length() < prefix.length() + LENGTH) {
            id.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }

    /**
     * A track id. Its 3rd to 5th characters name the folders of the song file, so they are letters, and
     * the first of them is A or B: like the public subset, the folder tree stays narrow.
     */
    static String track(SplittableRandom random) {
        StringBuilder id = new StringBuilder("TR");
        id.append(LETTERS.charAt(random.nextInt(2)));
        id.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        id.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        while (id.length() < 2 + LENGTH) {
            id.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }
}
