package com.sparkify.generate;

/**
 * One line of a daily log. A logged-out event shows neither the user's id nor their profile, only the level.
 *
 * @param song the song played on a NextSong page, else null
 */
record Event(
        User user, boolean loggedIn, Page page, Song song, String level, long sessionId, int itemInSession, long ts) {}
