package com.sparkify.warehouse.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.config.Settings;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class PostgresFailuresTest {
    private static final String PASSWORD = "correct-horse-battery";

    private final PostgresTarget target = PostgresTarget.of(new Settings(
            "jdbc:postgresql://db.example.com:6543/music?user=ann&password=" + PASSWORD,
            Optional.of("sparkify"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            com.sparkify.config.Cluster.none(),
            Optional.empty(),
            Optional.empty(),
            List.of()));
    private final PostgresFailures failures = new PostgresFailures(target);

    @Test
    void anUnknownHostNamesTheHostAndTheCause() {
        SQLException e = new PSQLException(
                "The connection attempt failed.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new UnknownHostException("db.example.com"));

        assertThat(failures.connecting(e).getMessage())
                .isEqualTo("Cannot connect to PostgreSQL db.example.com:6543/music: The connection attempt failed"
                        + " (UnknownHostException: db.example.com); check that the server is running and that host"
                        + " and port in --warehouse are right");
    }

    @Test
    void aMessageThatHoldsThePasswordIsRedacted() {
        SQLException e = new SQLException("odd driver message quoting " + PASSWORD, "08001");

        assertThat(failures.connecting(e).getMessage()).doesNotContain(PASSWORD).contains("quoting ****");
    }

    @Test
    void connectionClassAndTerminatedSessionsCountAsLost() {
        assertThat(PostgresFailures.isConnectionLost(new SQLException("io", "08006")))
                .isTrue();
        assertThat(PostgresFailures.isConnectionLost(new SQLException("terminated", "57P01")))
                .isTrue();
        assertThat(PostgresFailures.isConnectionLost(new SQLException("syntax", "42601")))
                .isFalse();
        assertThat(PostgresFailures.isConnectionLost(new SQLException("no state")))
                .isFalse();
    }

    @Test
    void aFullDiskIsExitNineAsOnEveryEngine() {
        SQLException e = new SQLException("ERROR: could not extend file: No space left on device", "53100");

        assertThat(failures.failed("staging events", e).code()).isEqualTo(com.sparkify.ErrorCode.DISK_FULL);
    }

    @Test
    void aLostConnectionSaysNothingWasPublished() {
        SQLException e =
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE);

        assertThat(failures.failed("running merge_users", e).getMessage())
                .isEqualTo("Lost the connection to PostgreSQL db.example.com:6543/music while running merge_users: An"
                        + " I/O error occurred while sending to the backend; the server rolled back the unfinished"
                        + " work, so nothing of this run was published; run again when the server is reachable");
    }
}
