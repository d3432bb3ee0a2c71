package com.sparkify.warehouse.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
    void theTransformGetsAThirdOfTheLimitTheLevelHistoryHalfAndTheChecksASixthThenAllOfItExactly() throws SQLException {
        try (Connection connection = open("2GB")) {
            DuckDbMemory memory = new DuckDbMemory(connection, "2GB", false);
            String whole = limit(connection);

            memory.forScript("merge_time");
            assertThat(limit(connection)).as("before the transform").isEqualTo(whole);

            memory.startTransform(DuckDbMemory.SHARED_FROM);
            memory.forScript("merge_time");
            assertThat(limit(connection)).isEqualTo("635.7 MiB"); // 2e9 / 3 bytes
            memory.forScript("merge_user_levels");
            assertThat(limit(connection)).isEqualTo("953.6 MiB");

            memory.forChecks();
            assertThat(limit(connection)).as("the checks' sixth").isEqualTo("317.8 MiB"); // 2e9 / 6 bytes

            memory.endTransform();
            assertThat(limit(connection))
                    .as("the commit's: the configured 2GB, not DuckDB's rounding of it")
                    .isEqualTo(whole);
            memory.forScript("merge_time");
            assertThat(limit(connection)).isEqualTo(whole);
        }
    }

    @Test
    void severalReadersReadWithAtMost256MBThenTheWholeLimitAgain() throws SQLException {
        try (Connection connection = open("384MB")) {
            DuckDbMemory memory = new DuckDbMemory(connection, "384MB", false);
            String whole = limit(connection);
            memory.startReading();
            assertThat(limit(connection)).isEqualTo("244.1 MiB"); // 256e6 bytes
            memory.endReading();
            assertThat(limit(connection)).isEqualTo(whole);
        }
        try (Connection connection = open("200MB")) {
            DuckDbMemory memory = new DuckDbMemory(connection, "200MB", false);
            memory.startReading();
            assertThat(limit(connection)).as("a lower limit stays").isEqualTo("190.7 MiB");
        }
        try (Connection connection = open("384MB")) {
            DuckDbMemory memory = new DuckDbMemory(connection, "384MB", true);
            memory.startReading();
            assertThat(limit(connection)).as("in memory, the tables need it").isEqualTo("366.2 MiB");
        }
    }

    @Test
    void runningOutOfMemoryWhileReadingAsksForARunWithTheWholeLimit() throws SQLException {
        try (Connection connection = open("384MB")) {
            DuckDbMemory memory = new DuckDbMemory(connection, "384MB", false);
            String whole = limit(connection);
            memory.startReading();
            assertThat(memory.keepWholeLimitAfter(new RuntimeException("Out of Memory Error: could not allocate")))
                    .isTrue();
            assertThat(limit(connection)).isEqualTo(whole);
            memory.startReading();
            assertThat(limit(connection))
                    .as("the retry reads with the whole limit")
                    .isEqualTo(whole);
        }
    }

    @Test
    void theChecksGetASixthOfTheLimitButAtLeast64MBUnlessTheMergesGetLess() throws SQLException {
        for (String[] limitAndShare :
                new String[][] {{"384MB", "61.0 MiB"}, {"256MB", "61.0 MiB"}, {"150MB", "47.6 MiB"}}) {
            try (Connection connection = open(limitAndShare[0])) {
                DuckDbMemory memory = new DuckDbMemory(connection, limitAndShare[0], false);
                memory.startTransform(DuckDbMemory.SHARED_FROM);
                memory.forChecks();
                assertThat(limit(connection)).as(limitAndShare[0]).isEqualTo(limitAndShare[1]);
            }
        }
    }

    @Test
    void onlyRunningOutOfMemoryWithAShareAsksForARunWithTheWholeLimit() throws SQLException {
        try (Connection connection = open("384MB")) {
            DuckDbMemory memory = new DuckDbMemory(connection, "384MB", false);
            String whole = limit(connection);
            RuntimeException outOfMemory = new RuntimeException("Out of Memory Error: could not allocate block");

            assertThat(memory.keepWholeLimitAfter(outOfMemory))
                    .as("before any share")
                    .isFalse();

            memory.startTransform(DuckDbMemory.SHARED_FROM);
            memory.forScript("merge_time");
            assertThat(memory.keepWholeLimitAfter(new RuntimeException("Binder Error")))
                    .as("another failure")
                    .isFalse();
            assertThat(limit(connection)).isEqualTo(whole);

            memory.startTransform(DuckDbMemory.SHARED_FROM);
            memory.forScript("merge_time");
            assertThat(memory.keepWholeLimitAfter(outOfMemory)).isTrue();
            assertThat(limit(connection)).isEqualTo(whole);

            memory.startTransform(DuckDbMemory.SHARED_FROM);
            memory.forScript("merge_time");
            assertThat(limit(connection)).as("the retry keeps the whole limit").isEqualTo(whole);
        }
    }

    @Test
    void aSmallRunKeepsTheWholeLimit() throws SQLException {
        try (Connection connection = open("2GB")) {
            DuckDbMemory memory = new DuckDbMemory(connection, "2GB", false);
            String whole = limit(connection);
            memory.startTransform(DuckDbMemory.SHARED_FROM - 1);
            memory.forScript("merge_time");
            assertThat(limit(connection)).isEqualTo(whole);
            memory.forChecks();
            assertThat(limit(connection)).isEqualTo(whole);
            assertThat(memory.keepWholeLimitAfter(new RuntimeException("Out of Memory Error")))
                    .as("no share to give up")
                    .isFalse();
        }
    }

    @Test
    void anInMemoryWarehouseKeepsItsWholeLimit() throws SQLException {
        try (Connection connection = open("384MB")) {
            DuckDbMemory memory = new DuckDbMemory(connection, "384MB", true);
            memory.startTransform(DuckDbMemory.SHARED_FROM);
            memory.forScript("merge_time");
            assertThat(limit(connection)).isEqualTo("366.2 MiB");
        }
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
