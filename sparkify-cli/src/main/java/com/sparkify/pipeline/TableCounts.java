package com.sparkify.pipeline;

/** Row counts of the star schema after a run, and how many songplays matched the song catalog. */
public record TableCounts(long songplays, long users, long songs, long artists, long time, long matchedSongplays) {
    /** Share of songplays whose song is in the catalog, 0..1. */
    public double matchRate() {
        return songplays == 0 ? 0 : (double) matchedSongplays / songplays;
    }
}
