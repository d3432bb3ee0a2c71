package com.sparkify.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills an empty songplays table with {@code count} generated plays, in SQL, so that a large warehouse takes
 * a second to build. Play {@code i} has songplay_id {@code play-i}, user_id {@code i} (so every play is its
 * own user), session_id {@code i} and start_time 2018-11-01 plus {@code i} seconds.
 */
public final class ManyPlays {
    private ManyPlays() {}

    public static void insert(Connection connection, String series, int count) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO songplays (songplay_id, start_time, user_id, level, song_id, artist_id,"
                    + " session_id, item_in_session, location, user_agent, song_title, artist_name, song_length)"
                    + " SELECT 'play-' || CAST(i AS VARCHAR), TIMESTAMP '2018-11-01 00:00:00' + i * INTERVAL '1 second',"
                    + " i, 'free', NULL, NULL, i, 0, 'Springfield, \"Main\" St', 'Mozilla/5.0',"
                    + " 'Song ' || CAST(i AS VARCHAR), 'Artist', 200.5"
                    + " FROM " + series.formatted(count - 1));
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    /** DuckDB's series of 0 to {@code %d}, as column i. */
    public static final String DUCKDB = "range(0, %d + 1) AS g(i)";

    /** PostgreSQL's series of 0 to {@code %d}, as column i. */
    public static final String POSTGRES = "generate_series(0, %d) AS g(i)";
}
