package com.sparkify.analytics.export;

import java.util.List;
import java.util.Locale;

/**
 * The tables of the star schema as the Spark data-lake version of this project lays them out: songs by
 * year and artist_id, time and songplays by year and month, users and artists in one file each. Each
 * table's rows come from {@code analytics/export/NAME.sql}.
 */
public enum ExportTable {
    SONGS(List.of("year", "artist_id")),
    ARTISTS(List.of()),
    USERS(List.of()),
    TIME(List.of("year", "month")),
    SONGPLAYS(List.of("year", "month"));

    private final List<String> partitionedBy;

    ExportTable(List<String> partitionedBy) {
        this.partitionedBy = partitionedBy;
    }

    /** The table's name, also its folder under the export folder. */
    public String tableName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Hive-style partition columns ({@code year=2018/month=11/}); empty for one unpartitioned file. */
    public List<String> partitionedBy() {
        return partitionedBy;
    }

    String script() {
        return "analytics/export/" + tableName();
    }
}
