package com.sparkify.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Plans the sessions of one day and writes their events in time order. Only the day's sessions are held
 * (a few per active user), never their events, so memory does not grow with the events of a day.
 */
final class DayLog {
    static final long DAY_MILLIS = 86_400_000L;
    private static final int MIN_EVENTS_PER_DAY = 30;
    private static final int MAX_EVENTS_PER_DAY = 60;

    private static final long HOUR_MILLIS = 3_600_000L;
    /** Room left at the end of a slice for a session to run; a session that reaches it is cut short. */
    private static final long SESSION_ROOM = 3 * HOUR_MILLIS;
    /** Relative chance of a session starting in each UTC hour: afternoon peak, night trough, as in eventsim. */
    private static final int[] HOUR_WEIGHTS = {
        14, 14, 11, 10, 12, 15, 17, 17, 20, 26, 30, 33, 30, 31, 42, 46, 52, 48, 48, 36, 35, 27, 21, 19
    };

    private static final int MAX_HOUR_WEIGHT = 52;

    private final Users users;
    private final Catalog catalog;

    DayLog(Users users, Catalog catalog) {
        this.users = users;
        this.catalog = catalog;
    }

    /** What one day's log holds; {@code sessions} lets the caller keep session ids unique across days. */
    record Counts(long events, long plays, long sessions) {}

    Counts write(JsonGenerator json, LocalDate day, SplittableRandom random, long firstSessionId) throws IOException {
        List<Session.Plan> plans = plan(day.toEpochDay() * DAY_MILLIS, random);
        // Ids follow start time, and each day continues where the previous one stopped: unique across days.
        plans.sort(Comparator.comparingLong(Session.Plan::start)
                .thenComparingInt(plan -> plan.user().id()));
        PriorityQueue<Session> queue =
                new PriorityQueue<>(Comparator.comparingLong(Session::ts).thenComparingLong(Session::id));
        long id = firstSessionId;
        for (Session.Plan plan : plans) {
            queue.add(new Session(plan, id++, users, catalog));
        }
        EventWriter writer = new EventWriter(json);
        long events = 0;
        long plays = 0;
        while (!queue.isEmpty()) {
            Session session = queue.poll();
            Event event = session.next();
            writer.write(event);
            events++;
            if (event.page() == Page.NEXT_SONG) {
                plays++;
            }
            if (session.hasNext()) {
                queue.add(session);
            }
        }
        return new Counts(events, plays, plans.size());
    }

    private List<Session.Plan> plan(long dayStart, SplittableRandom random) {
        List<Session.Plan> plans = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            if (random.nextDouble() < user.activity()) {
                planUser(plans, user, dayStart, random);
            }
        }
        if (plans.isEmpty()) {
            // An empty daily log would look like a broken export: someone always listens.
            planUser(plans, users.get(random.nextInt(users.size())), dayStart, random);
        }
        return plans;
    }

    /** One to three sessions, each in its own slice of the day so that a user's sessions never overlap. */
    private static void planUser(List<Session.Plan> plans, User user, long dayStart, SplittableRandom random) {
        int draw = random.nextInt(20);
        int sessions = draw < 14 ? 1 : draw < 19 ? 2 : 3;
        int events = random.nextInt(MIN_EVENTS_PER_DAY, MAX_EVENTS_PER_DAY + 1);
        long slice = DAY_MILLIS / sessions;
        for (int s = 0; s < sessions; s++) {
            long sliceStart = dayStart + s * slice;
            long start = startIn(sliceStart, slice - SESSION_ROOM, random);
            int planned = Math.max(3, events / sessions + random.nextInt(-2, 3));
            plans.add(new Session.Plan(user, start, sliceStart + slice - 1, planned, random.nextLong()));
        }
    }

    /** A start in {@code [from, from + length)}, drawn by rejection so that busy hours get more sessions. */
    private static long startIn(long from, long length, SplittableRandom random) {
        while (true) {
            long start = from + random.nextLong(length);
            int hour = (int) Math.floorMod(start / HOUR_MILLIS, 24L);
            if (random.nextInt(MAX_HOUR_WEIGHT) < HOUR_WEIGHTS[hour]) {
                return start;
            }
        }
    }
}
