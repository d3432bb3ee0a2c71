package com.sparkify.generate;

import java.util.SplittableRandom;

/**
 * One user's session, producing its events one at a time so that a day's sessions can be merged in time
 * order without holding their events. Each event is decided when it is taken, so it sees the user's level
 * as changed by their earlier sessions of the same day.
 */
final class Session {
    private final User user;
    private final Users users;
    private final Catalog catalog;
    private final SplittableRandom random;
    private final long id;
    private final long deadline;
    private int remaining;
    private long ts;
    private int item;
    private boolean loggedIn;
    private Page previous;

    Session(Plan plan, long id, Users users, Catalog catalog) {
        this.user = plan.user();
        this.users = users;
        this.catalog = catalog;
        this.random = new SplittableRandom(plan.seed());
        this.id = id;
        this.deadline = plan.deadline();
        this.remaining = plan.events();
        this.ts = plan.start();
        // About a quarter of sessions start on the logged-out home page and log in, as in eventsim.
        this.loggedIn = random.nextInt(4) != 0;
    }

    /**
     * When and how a session will run.
     *
     * @param deadline last millisecond the session may use: it never runs into the user's next session or
     *     the next day
     * @param seed seed of the session's own random stream
     */
    record Plan(User user, long start, long deadline, int events, long seed) {}

    long id() {
        return id;
    }

    long ts() {
        return ts;
    }

    boolean hasNext() {
        return remaining > 0 && ts <= deadline;
    }

    Event next() {
        Page page = choose();
        boolean paid = users.paid(user);
        Song song = page == Page.NEXT_SONG ? catalog.play(random) : null;
        Event event = new Event(user, loggedIn, page, song, paid ? "paid" : "free", id, item, ts);
        switch (page) {
            case LOGIN -> loggedIn = true;
            case LOGOUT -> loggedIn = false;
            case SUBMIT_UPGRADE -> users.setPaid(user, true);
            case SUBMIT_DOWNGRADE -> users.setPaid(user, false);
            default -> {}
        }
        item++;
        remaining--;
        previous = page;
        ts += song != null ? song.millis() : pause(page);
        return event;
    }

    private Page choose() {
        if (!loggedIn) {
            return previous == Page.HOME ? Page.LOGIN : Page.HOME;
        }
        boolean paid = users.paid(user);
        if (previous != null && previous.redirects()) {
            return Page.HOME;
        }
        if (remaining == 1 && random.nextInt(3) == 0) {
            return Page.LOGOUT;
        }
        if (previous == Page.UPGRADE && !paid && random.nextInt(100) < 45) {
            return Page.SUBMIT_UPGRADE;
        }
        if (previous == Page.DOWNGRADE && paid && random.nextInt(100) < 30) {
            return Page.SUBMIT_DOWNGRADE;
        }
        if (previous == Page.SETTINGS && random.nextInt(100) < 40) {
            return Page.SAVE_SETTINGS;
        }
        return Page.browse(random, paid);
    }

    /** Milliseconds spent on a page other than a song: redirects are instant, reading takes a while. */
    private long pause(Page page) {
        return page.status() == 307 ? 1_000 : random.nextLong(2, 91) * 1_000;
    }
}
