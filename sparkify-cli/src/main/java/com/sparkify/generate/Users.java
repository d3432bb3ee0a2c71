package com.sparkify.generate;

import java.util.List;
import java.util.SplittableRandom;

/** All users, ids 1 to n, with each one's current level, which upgrades and downgrades change. */
final class Users {
    private static final List<String> FEMALE =
            Words.split("Jacqueline|Tegan|Kinsley|Chloe|Lily|Ava|Sophia|Emily|Harper|Aleena|Kate|Layla|Maya|Olivia|"
                    + "Stefany|Anabelle|Jordyn|Celeste|Zoë|Inés");
    private static final List<String> MALE =
            Words.split("Jayden|Jacob|Aiden|Ryan|Noah|Liam|Lucas|Matthew|Elijah|Dustin|Wyatt|Kevin|Ethan|Theodore|"
                    + "Joseph|Mason|Samuel|Brayden|José|Raúl");
    private static final List<String> LAST =
            Words.split("Bell|Klein|Lynch|Levine|Young|Hess|Cuevas|Owens|Smith|Koch|Griffin|Harrell|Rodriguez|Jones|"
                    + "Williams|Brown|Fox|Montgomery|Harris|Cruz|Peña|Müller|O'Brien|Nguyen");
    private static final List<String> AGENTS = List.of(
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.78.2 (KHTML, like Gecko) Version/7.0.6"
                    + " Safari/537.78.2",
            "Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143"
                    + " Safari/537.36",
            "Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.2; WOW64; Trident/6.0)",
            "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:31.0) Gecko/20100101 Firefox/31.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 7_1_2 like Mac OS X) AppleWebKit/537.51.2 (KHTML, like Gecko)"
                    + " Version/7.0 Mobile/11D257 Safari/9537.53",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.125"
                    + " Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.9; rv:31.0) Gecko/20100101 Firefox/31.0",
            "Mozilla/5.0 (Windows NT 6.3; WOW64; Trident/7.0; rv:11.0) like Gecko");
    private static final long DAY_MILLIS = 86_400_000L;

    private final User[] users;
    private final boolean[] paid;

    private Users(User[] users, boolean[] paid) {
        this.users = users;
        this.paid = paid;
    }

    static Users create(int count, long firstDayMillis, SplittableRandom random) {
        User[] users = new User[count];
        boolean[] paid = new boolean[count];
        for (int i = 0; i < count; i++) {
            boolean female = random.nextBoolean();
            String first = Words.pick(random, female ? FEMALE : MALE);
            // eventsim quotes an agent, CSV style, when it holds a comma; the quotes stay in the value.
            String agent = Words.pick(random, AGENTS);
            String quoted = agent.contains(",") ? '"' + agent + '"' : agent;
            long registration = firstDayMillis - random.nextLong(DAY_MILLIS, 120 * DAY_MILLIS);
            double activity = 0.15 + 0.7 * random.nextDouble();
            String gender = female ? "F" : "M";
            users[i] = new User(
                    i + 1,
                    first,
                    Words.pick(random, LAST),
                    gender,
                    Places.userLocation(random),
                    quoted,
                    registration,
                    activity);
            paid[i] = random.nextInt(4) == 0;
        }
        return new Users(users, paid);
    }

    int size() {
        return users.length;
    }

    User get(int index) {
        return users[index];
    }

    boolean paid(User user) {
        return paid[user.id() - 1];
    }

    void setPaid(User user, boolean value) {
        paid[user.id() - 1] = value;
    }
}
