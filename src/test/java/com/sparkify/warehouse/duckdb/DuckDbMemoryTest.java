package com.sparkify.warehouse.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DuckDbMemoryTest {
    private static final long MIB = 1L << 20;

    @Test
    void readsTheLimitAsDuckDbShowsIt() {
        assertThat(DuckDbMemory.parse("366.2 MiB")).isEqualTo((long) (366.2 * MIB));
        assertThat(DuckDbMemory.parse("1.8 GiB")).isEqualTo((long) (1.8 * 1024 * MIB));
        assertThat(DuckDbMemory.parse("97.6 KiB")).isEqualTo((long) (97.6 * 1024));
        assertThat(DuckDbMemory.parse("512 bytes")).isEqualTo(512);
        assertThatThrownBy(() -> DuckDbMemory.parse("plenty"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plenty");
    }

    @Test
    void readBatchesLeaveTheReadItsFixedNeedAndGrowWithTheLimitUpTo256MiB() {
        assertThat(DuckDbMemory.readBatchBytes(384_000_000)).isEqualTo(96 * MIB);
        assertThat(DuckDbMemory.readBatchBytes(256_000_000)).isEqualTo(32 * MIB);
        assertThat(DuckDbMemory.readBatchBytes(100_000_000)).isEqualTo(16 * MIB);
        assertThat(DuckDbMemory.readBatchBytes(8_000_000_000L)).isEqualTo(256 * MIB);
    }

    @Test
    void theTransformGetsAThirdOfTheLimitAndTheLevelHistoryHalf() throws SQLException {
        try (Connection connection = open()) {
            DuckDbMemory memory = DuckDbMemory.of(connection, false);
            assertThat(memory.limit()).isEqualTo((long) (366.2 * MIB));

            memory.forScript("merge_time");
            assertThat(limit(connection)).as("before the transform").isEqualTo("366.2 MiB");

            memory.startTransform();
            memory.forScript("merge_time");
            assertThat(limit(connection)).isEqualTo("122.0 MiB");
            memory.forScript("merge_user_levels");
            assertThat(limit(connection)).isEqualTo("183.0 MiB");
            memory.release();
            assertThat(limit(connection)).as("a release keeps the share").isEqualTo("183.0 MiB");

            memory.endTransform();
            assertThat(DuckDbMemory.parse(limit(connection)))
                    .as("the commit's, within DuckDB's rounding")
                    .isCloseTo(384_000_000L, within(MIB / 5));
            memory.forScript("merge_time");
            assertThat(DuckDbMemory.parse(limit(connection))).isCloseTo(384_000_000L, within(MIB / 5));
        }
    }

    @Test
    void anInMemoryWarehouseKeepsItsWholeLimit() throws SQLException {
        try (Connection connection = open()) {
            DuckDbMemory memory = DuckDbMemory.of(connection, true);
            memory.startTransform();
            memory.forScript("merge_time");
            memory.release();
            assertThat(limit(connection)).isEqualTo("366.2 MiB");
        }
    }

    @Test
    void aLimitItCannotReadIsLeftAsItIs() throws SQLException {
        try (Connection connection = open()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET memory_limit = '-1'"); // no limit, shown as 16383.9 PiB
            }
            String unlimited = limit(connection);
            DuckDbMemory memory = DuckDbMemory.of(connection, false);
            memory.startTransform();
            memory.forScript("merge_time");
            assertThat(limit(connection)).isEqualTo(unlimited);
        }
    }

    private static Connection open() throws SQLException {
        DuckDbLibrary.load();
        Properties properties = new Properties();
        properties.setProperty("memory_limit", "384MB");
        return DriverManager.getConnection("jdbc:duckdb:", properties);
    }

    private static String limit(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_setting('memory_limit')")) {
            row.next();
            return row.getString(1);
        }
    }
}
