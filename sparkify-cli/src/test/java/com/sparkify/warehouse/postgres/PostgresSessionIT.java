package com.sparkify.warehouse.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.SparkifyException;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A connection lost between two steps of a run is reported as lost, naming the server, at any step. */
class PostgresSessionIT {
    @Test
    void aCommitOnALostConnectionSaysSoAndNamesTheServer() throws Exception {
        String url = TestPostgres.get().url();
        try (Warehouse warehouse = TestWarehouses.open(url, Optional.of(TestPostgres.newSchema("lost")))) {
            terminate(url, backendOf(TestWarehouses.jdbc(warehouse)));

            assertThatThrownBy(() -> warehouse.session().commit())
                    .isInstanceOf(SparkifyException.class)
                    .hasMessageStartingWith("Lost the connection to PostgreSQL ")
                    .hasMessageContaining(" while committing: ")
                    .hasMessageContaining(
                            url.substring("jdbc:postgresql://".length()).split("\\?")[0]);
        }
    }

    private static int backendOf(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static void terminate(String url, int pid) throws Exception {
        try (Connection admin = DriverManager.getConnection(url);
                PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
            kill.setInt(1, pid);
            kill.execute();
        }
        Thread.sleep(200);
    }
}
