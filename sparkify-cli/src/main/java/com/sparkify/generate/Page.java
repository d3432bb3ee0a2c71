package com.sparkify.generate;

import java.util.SplittableRandom;

/** The pages of the eventsim simulator, with the HTTP method and status the public sample shows for each. */
enum Page {
    NEXT_SONG("NextSong", "PUT", 200, 800, 800),
    HOME("Home", "GET", 200, 40, 40),
    THUMBS_UP("Thumbs Up", "PUT", 307, 40, 45),
    ADD_TO_PLAYLIST("Add to Playlist", "PUT", 200, 20, 25),
    ROLL_ADVERT("Roll Advert", "GET", 200, 30, 0),
    THUMBS_DOWN("Thumbs Down", "PUT", 307, 10, 10),
    ADD_FRIEND("Add Friend", "PUT", 307, 10, 10),
    SETTINGS("Settings", "GET", 200, 10, 10),
    HELP("Help", "GET", 200, 10, 8),
    ABOUT("About", "GET", 200, 5, 4),
    UPGRADE("Upgrade", "GET", 200, 12, 0),
    DOWNGRADE("Downgrade", "GET", 200, 0, 15),
    ERROR("Error", "GET", 404, 2, 2),
    LOGOUT("Logout", "PUT", 307, 6, 6),
    // Reached only through a preceding page or the login flow, never by a free draw: weights are 0.
    LOGIN("Login", "PUT", 307, 0, 0),
    SAVE_SETTINGS("Save Settings", "PUT", 307, 0, 0),
    SUBMIT_UPGRADE("Submit Upgrade", "PUT", 307, 0, 0),
    SUBMIT_DOWNGRADE("Submit Downgrade", "PUT", 307, 0, 0);

    private static final Page[] ALL = values();
    private static final int FREE_TOTAL = total(false);
    private static final int PAID_TOTAL = total(true);

    private final String label;
    private final String method;
    private final int status;
    private final int freeWeight;
    private final int paidWeight;

    Page(String label, String method, int status, int freeWeight, int paidWeight) {
        this.label = label;
        this.method = method;
        this.status = status;
        this.freeWeight = freeWeight;
        this.paidWeight = paidWeight;
    }

    String label() {
        return label;
    }

    String method() {
        return method;
    }

    int status() {
        return status;
    }

    /** A 307 is a redirect: eventsim always shows Home right after it. */
    boolean redirects() {
        return status == 307 && this != THUMBS_UP && this != THUMBS_DOWN && this != ADD_FRIEND && this != LOGOUT;
    }

    /** A page a logged-in user moves to on their own, by the weights of their level. */
    static Page browse(SplittableRandom random, boolean paid) {
        int draw = random.nextInt(paid ? PAID_TOTAL : FREE_TOTAL);
        for (Page page : ALL) {
            draw -= page.weight(paid);
            if (draw < 0) {
                return page;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    private int weight(boolean paid) {
        return paid ? paidWeight : freeWeight;
    }

    private static int total(boolean paid) {
        int sum = 0;
        for (Page page : values()) {
            sum += page.weight(paid);
        }
        return sum;
    }
}
