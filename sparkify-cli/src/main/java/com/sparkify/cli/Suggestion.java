package com.sparkify.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The command a user most likely meant by a mistyped one: the nearest by edits, a swap of two neighbouring
 * letters counting as one edit, since {@code elt} for {@code etl} is the usual slip and shares no letter pair
 * with it.
 */
final class Suggestion {
    private Suggestion() {}

    /** The candidate within one edit of {@code typed} (two for words of five letters or more), if any. */
    static Optional<String> closest(String typed, Collection<String> candidates) {
        int allowed = typed.length() >= 5 ? 2 : 1;
        return candidates.stream()
                .filter(candidate -> distance(typed, candidate) <= allowed)
                .min(Comparator.comparingInt((String candidate) -> distance(typed, candidate))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
