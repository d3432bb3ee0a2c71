package com.sparkify.warehouse.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.warehouse.Phase;
import com.sparkify.warehouse.RunShape;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class DuckDbMemoryTest {
    private static final long MIB = 1L << 20;

    @Test
    void readsSizesAsDuckDbDoes() {
        assertThat(DuckDbMemory.bytes("384MB")).isEqualTo(384_000_000L);
        assertThat(DuckDbMemory.bytes("2GB")).isEqualTo(2_000_000_000L);
        assertThat(DuckDbMemory.bytes("1.5GiB")).isEqualTo(1536 * MIB);
        assertThat(DuckDbMemory.bytes("512 KiB")).isEqualTo(512 * 1024);
        assertThatThrownBy(() -> DuckDbMemory.bytes("plenty"))
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
    void theReadersReadWithAtMost256MBALargeLoadsMergesAndChecksWithAShareAndTheRestWithTheWholeLimit() {
        long limit = 2_000_000_000L;
        RunShape large = new RunShape(limit, true, false);
        RunShape small = new RunShape(limit - 1, false, false);
        RunShape fullRefresh = new RunShape(limit * 10, true, true);
        assertThat(DuckDbMemory.limitFor(Phase.STAGE, large, limit)).isEqualTo(DuckDbMemory.READING_LIMIT);
        assertThat(DuckDbMemory.limitFor(Phase.STAGE, large, 200_000_000L))
                .as("a lower limit stays")
                .isEqualTo(200_000_000L);
        assertThat(DuckDbMemory.limitFor(Phase.TRANSFORM, large, limit)).isEqualTo(limit / 3);
        assertThat(DuckDbMemory.limitFor(Phase.CHECK, large, limit))
                .as("the checks: the merges' share")
                .isEqualTo(limit / 3);
        assertThat(DuckDbMemory.limitFor(Phase.TRANSFORM, small, limit))
                .as("a run whose input fits the limit")
                .isEqualTo(limit);
        assertThat(DuckDbMemory.limitFor(Phase.CHECK, small, limit)).isEqualTo(limit);
        assertThat(DuckDbMemory.limitFor(Phase.TRANSFORM, fullRefresh, limit))
                .as("a full refresh, a first load into a new file")
                .isEqualTo(limit / 3);
        assertThat(DuckDbMemory.limitFor(Phase.CHECK, fullRefresh, limit)).isEqualTo(limit / 3);
        for (Phase phase : EnumSet.complementOf(EnumSet.of(Phase.STAGE, Phase.TRANSFORM, Phase.CHECK))) {
            assertThat(DuckDbMemory.limitFor(phase, large, limit))
                    .as(phase.name())
                    .isEqualTo(limit);
        }
    }

    @Test
    void aShareIsAThirdOfTheLimitButNeverBelow128MiBNorAboveTheLimit() {
        assertThat(DuckDbMemory.share(2_000_000_000L)).isEqualTo(666_666_666L);
        assertThat(DuckDbMemory.share(384_000_000L)).isEqualTo(128 * MIB);
        assertThat(DuckDbMemory.share(100_000_000L)).isEqualTo(100_000_000L);
    }

    @Test
    void eachPhaseSetsItsLimitAndTheOthersTheConfiguredOneExactly() throws SQLException {
        try (Connection connection = open("2GB")) {
            DuckDbMemory memory = new DuckDbMemory(connection, "2GB", false);
            String whole = limit(connection);
            RunShape large = new RunShape(2_000_000_000L, true, false);

            memory.enter(Phase.STAGE, large);
            assertThat(limit(connection)).isEqualTo("244.1 MiB"); // 256e6 bytes
            memory.enter(Phase.PREPARE, large);
            assertThat(limit(connection))
                    .as("the configured 2GB, not DuckDB's rounding of it")
                    .isEqualTo(whole);
            memory.enter(Phase.TRANSFORM, large);
            assertThat(limit(connection)).isEqualTo("635.7 MiB"); // 2e9 / 3 bytes
            memory.enter(Phase.CHECK, large);
            assertThat(limit(connection)).isEqualTo("635.7 MiB");
            memory.enter(Phase.COMMIT, large);
            assertThat(limit(connection)).isEqualTo(whole);
        }
    }

    @Test
    void anInMemoryWarehouseKeepsItsWholeLimit() throws SQLException {
        try (Connection connection = open("384MB")) {
            DuckDbMemory memory = new DuckDbMemory(connection, "384MB", true);
            memory.enter(Phase.STAGE, new RunShape(1, true, false));
            assertThat(limit(connection)).as("its tables need it").isEqualTo("366.2 MiB");
        }
    }

    @Test
    void knowsDuckDbsOutOfMemoryAmongTheCauses() {
        assertThat(DuckDbMemory.outOfMemory(new RuntimeException(
                        "run failed", new SQLException("Out of Memory Error: could not allocate"))))
                .isTrue();
        assertThat(DuckDbMemory.outOfMemory(new RuntimeException("Binder Error")))
                .isFalse();
    }

    private static Connection open(String limit) throws SQLException {
        DuckDbLibrary.load();
        return DriverManager.getConnection("jdbc:duckdb:", DuckDbSettings.connectionProperties(limit));
    }

    private static String limit(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_setting('memory_limit')")) {
            row.next();
            return row.getString(1);
        }
    }
}
