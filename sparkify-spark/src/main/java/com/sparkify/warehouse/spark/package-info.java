/**
 * The Spark engine: the pipeline's SQL on Spark SQL, into Apache Iceberg tables of a Hadoop catalog, in
 * local mode on one machine. Staging runs the project's own record parser inside Spark tasks, so that the
 * reject rules are the other engines'. It plugs into the CLI through {@code
 * META-INF/services/com.sparkify.warehouse.WarehouseFactory} when this module's jar is on the class path.
 */
package com.sparkify.warehouse.spark;
