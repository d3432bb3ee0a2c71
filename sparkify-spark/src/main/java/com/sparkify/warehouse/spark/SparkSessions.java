package com.sparkify.warehouse.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one Spark context of the process, and a session of it per warehouse. A session holds its own SQL
 * settings (the catalog's folder, the write branch), so two warehouses, or a run and its side session, share
 * the context but not those settings.
 */
final class SparkSessions {
    private SparkSessions() {}

    /** A new session whose catalog {@value SparkTarget#CATALOG} is the Iceberg warehouse of {@code target}. */
    static SparkSession open(SparkTarget target) {
        SparkSession session = context().newSession();
        String catalog = "spark.sql.catalog." + SparkTarget.CATALOG;
        session.conf().set(catalog, "org.apache.iceberg.spark.SparkCatalog");
        session.conf().set(catalog + ".type", "hadoop");
        session.conf().set(catalog + ".warehouse", target.folder().toUri().toString());
        // Each statement sees the tables as the last commit left them, also those another session wrote.
        session.conf().set(catalog + ".cache-enabled", "false");
        session.conf().set("spark.sql.defaultCatalog", SparkTarget.CATALOG);
        return session;
    }

    /**
     * The process's Spark context: the master from {@code spark.master} when set (spark-submit sets it), else
     * local mode on every core. Settings a session cannot change are made here.
     */
    private static synchronized SparkSession context() {
        SparkSession.Builder builder = SparkSession.builder()
                .appName("sparkify")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
                .config("spark.sql.session.timeZone", "UTC")
                // TIMESTAMP means the warehouse's timestamps without time zone, as on the other engines.
                .config("spark.sql.timestampType", "TIMESTAMP_NTZ")
                // The shared SQL quotes "time" as the standard does.
                .config("spark.sql.ansi.doubleQuotedIdentifiers", "true")
                // Dates and instants as java.time values, as the readers pass them on.
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.redaction.regex", "(?i)secret|password|token|access.?key|credential");
        if (System.getProperty("spark.master") == null) {
            builder.master("local[*]");
        }
        return builder.getOrCreate();
    }
}
