package com.sparkify.generate;

/**
 * A listener's stable profile. The level is not here: it changes over time and lives in {@link Users}.
 *
 * @param registration epoch milliseconds of sign-up, before the first day of events
 * @param activity chance of being active on a given day
 */
record User(
        int id,
        String firstName,
        String lastName,
        String gender,
        String location,
        String userAgent,
        long registration,
        double activity) {
    String userId() {
        return Integer.toString(id);
    }
}
