package com.sparkify.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SqlTemplateTest {
    @Test
    void limitIsANumberAndPeriodBoundsAreParametersInOrder() {
        SqlTemplate template = SqlTemplate.bind(
                "SELECT * FROM t WHERE a >= ${from} AND a < ${to} AND b < ${to} LIMIT ${limit};\n",
                5,
                Period.parse("2018-11-01", "2018-11-02"));

        assertThat(template.sql()).isEqualTo("SELECT * FROM t WHERE a >= ? AND a < ? AND b < ? LIMIT 5");
        assertThat(template.parameters())
                .containsExactly(
                        LocalDateTime.of(2018, 11, 1, 0, 0),
                        LocalDateTime.of(2018, 11, 3, 0, 0),
                        LocalDateTime.of(2018, 11, 3, 0, 0));
    }

    @Test
    void unknownParametersAreRefused() {
        assertThatThrownBy(() -> SqlTemplate.bind("SELECT ${user}", 1, Period.ALL))
                .hasMessageContaining("${user}");
    }
}
