package com.sparkify.warehouse.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The markers Spark binds by name: in order, and only where they are markers. */
class SparkSqlSessionTest {
    @Test
    void markersAreNamedInOrderOutsideQuotesAndComments() {
        String sql = "-- the user's plays? all of them\n"
                + "SELECT '?', \"a?\" FROM t WHERE x = ? AND y = ? -- or ? 'z\n"
                + "AND z = ?";

        assertThat(SparkSqlSession.named(sql))
                .isEqualTo("-- the user's plays? all of them\n"
                        + "SELECT '?', \"a?\" FROM t WHERE x = :p1 AND y = :p2 -- or ? 'z\n"
                        + "AND z = :p3");
    }
}
