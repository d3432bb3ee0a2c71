package com.sparkify.generate;

import java.math.BigDecimal;

/**
 * A song, in the catalog or heard elsewhere. The duration has exactly five decimals, as in the Million Song
 * Dataset; events repeat it digit for digit as their {@code length}, so the warehouse join can match it.
 */
record Song(String trackId, String songId, Artist artist, String title, BigDecimal duration, int year) {
    /** How long the player waits before the next song, in milliseconds. */
    long millis() {
        return duration.movePointRight(3).longValue();
    }
}
