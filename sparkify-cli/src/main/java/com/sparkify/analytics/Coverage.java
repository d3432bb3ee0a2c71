package com.sparkify.analytics;

import java.util.Locale;

/**
 * How many plays a period holds and how many of them matched the song catalog.
 *
 * @param plays songplays in the period
 * @param catalogPlays of those, plays with a song_id
 * @param firstPlay start_time of the first play (ISO text, UTC), null without plays
 * @param lastPlay start_time of the last play, null without plays
 */
public record Coverage(long plays, long catalogPlays, String firstPlay, String lastPlay) {
    public double matchRate() {
        return plays == 0 ? 0 : (double) catalogPlays / plays;
    }

    /** The footer of answers about songs. */
    public String describeCatalogShare() {
        return String.format(
                Locale.ROOT,
                "Catalog: %,d of %,d plays (%.2f%%) matched a catalog song; the rest count by the played title and"
                        + " artist.",
                catalogPlays,
                plays,
                matchRate() * 100);
    }
}
