package com.sparkify.warehouse.spark;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.warehouse.StagingLoader;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseReader;
import com.sparkify.warehouse.WarehouseSession;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * A warehouse of Iceberg tables written by Spark SQL. The shared SQL runs unqualified in the catalog's
 * namespace; the temp tables of a run are Iceberg tables of that namespace too, named {@code etl_*}, which
 * the next run replaces.
 */
final class SparkWarehouse implements Warehouse {
    private final SparkTarget target;
    private final SparkSqlSession session;
    private final RunBranch branch;
    private final RunLock runLock;

    private SparkWarehouse(SparkTarget target, SparkSession spark) {
        this.target = target;
        this.branch = new RunBranch(spark, target);
        this.session = new SparkSqlSession(spark, scripts(), target, Optional.of(branch));
        this.runLock = new RunLock(target.folder());
        branch.writeOnBranch();
    }

    static SparkWarehouse open(SparkTarget target) {
        try {
            Files.createDirectories(target.folder());
        } catch (IOException e) {
            throw new SparkifyException(
                    ErrorCode.CONFIG,
                    "Cannot create the warehouse folder " + target.folder() + ": " + e.getMessage()
                            + "; fix --warehouse",
                    e);
        }
        return new SparkWarehouse(target, openSession(target));
    }

    private static SparkSession openSession(SparkTarget target) {
        SparkSession spark = SparkSessions.open(target);
        spark.sql("CREATE NAMESPACE IF NOT EXISTS " + SparkTarget.CATALOG + "." + SparkTarget.NAMESPACE);
        spark.sql("USE " + SparkTarget.CATALOG + "." + SparkTarget.NAMESPACE);
        return spark;
    }

    @Override
    public String engine() {
        return "spark";
    }

    @Override
    public String describe() {
        return target.describe();
    }

    /** A session of its own, without the run's branch: readers see the published tables only. */
    @Override
    public WarehouseReader reader() {
        return new SparkReader(openSession(target));
    }

    /** The run's Spark session, for tests that look at Iceberg's tables themselves. */
    SparkSession spark() {
        return session.spark();
    }

    @Override
    public WarehouseSession session() {
        return session;
    }

    @Override
    public WarehouseSession openSideSession() {
        return new SparkSqlSession(openSession(target), scripts(), target, Optional.empty());
    }

    @Override
    public void acquireRunLock() {
        runLock.acquire();
        branch.recover();
    }

    @Override
    public StagingLoader stagingLoader() {
        return new SparkStagingLoader(session.spark());
    }

    /** A run stages on its branch: a run that does not publish leaves nothing staged. */
    @Override
    public boolean keepsStagedRowsOfFailedRuns() {
        return false;
    }

    @Override
    public void close() {
        runLock.release();
    }
}
