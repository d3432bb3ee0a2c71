package com.sparkify.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import org.junit.jupiter.api.Test;

class SingleSelectTest {
    @Test
    void acceptsOneSelectOrWithStatement() {
        assertThat(SingleSelect.require("SELECT 1")).isEqualTo("SELECT 1");
        assertThat(SingleSelect.require("  select * from songplays ;  -- done\n"))
                .isEqualTo("select * from songplays");
        assertThat(SingleSelect.require("-- top\n/* c */ WITH x AS (SELECT 1) SELECT * FROM x"))
                .startsWith("-- top");
        assertThat(SingleSelect.require("(SELECT 1) UNION (SELECT 2)")).isEqualTo("(SELECT 1) UNION (SELECT 2)");
    }

    @Test
    void semicolonsInsideStringsNamesCommentsAndDollarQuotesDoNotEndTheStatement() {
        String sql = "SELECT 'a;b' AS \"x;y\", $$c;d$$, $t$e;f$t$ /* ; */ -- ;\nFROM songplays";

        assertThat(SingleSelect.require(sql)).isEqualTo(sql);
    }

    @Test
    void refusesWritesAndSeveralStatements() {
        assertRefused("DELETE FROM songplays", "found DELETE");
        assertRefused("drop table users", "found DROP");
        assertRefused("COPY songplays TO 'x.csv'", "found COPY");
        assertRefused("SELECT 1; DELETE FROM songplays", "found several");
        assertRefused("SELECT ';'; DELETE FROM songplays;", "found several");
        assertRefused("   ", "found no statement");
        assertRefused("SELECT 'unclosed", "no closing '");
    }

    private static void assertRefused(String sql, String message) {
        assertThatThrownBy(() -> SingleSelect.require(sql))
                .isInstanceOf(SparkifyException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((SparkifyException) e).code()).isEqualTo(ErrorCode.USAGE));
    }
}
