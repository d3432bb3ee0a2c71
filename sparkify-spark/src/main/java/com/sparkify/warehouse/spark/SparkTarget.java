package com.sparkify.warehouse.spark;

import static java.util.Objects.requireNonNull;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.nio.file.Path;

/**
 * Where a Spark warehouse lives: {@code spark:FOLDER}, the folder of an Iceberg Hadoop catalog on this
 * machine, run in Spark's local mode. The tables are in the namespace {@value #NAMESPACE} of the catalog
 * {@value #CATALOG}.
 *
 * @param folder the catalog's warehouse folder, absolute
 */
public record SparkTarget(Path folder) {
    public static final String PREFIX = "spark:";
    public static final String CATALOG = "lake";
    public static final String NAMESPACE = "sparkify";

    public SparkTarget {
        requireNonNull(folder, "folder is null");
    }

    public static SparkTarget parse(String url) {
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a spark: URL");
        }
        String location = url.substring(PREFIX.length());
        if (location.isEmpty() || location.contains("://")) {
            throw new SparkifyException(
                    ErrorCode.CONFIG,
                    "Expected a warehouse URL spark:FOLDER (an Iceberg warehouse folder on this machine), found '" + url
                            + "'; check --warehouse");
        }
        return new SparkTarget(Path.of(location).toAbsolutePath().normalize());
    }

    /** A table of the warehouse, qualified with its catalog and namespace, quoted (time is a keyword). */
    public String table(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Expected a table name of a-z and _, found '" + name + "'");
        }
        return CATALOG + "." + NAMESPACE + ".`" + name + "`";
    }

    public String describe() {
        return "Spark (local) with Iceberg tables in " + folder;
    }
}
