package com.sparkify.warehouse.spark;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.SparkSession;

/**
 * Write-audit-publish: a run writes the tables below on the Iceberg branch {@value #NAME} (the run's session
 * sets {@code spark.wap.branch}; the tables have {@code write.wap.enabled}), reads them there, checks them
 * there, and publishes by moving each table's {@code main} to its branch, the ledger last. Iceberg commits
 * each table atomically, one after the other: readers may see a publish half done for as long as it takes
 * (docs/spark.md). A property of the ledger says a publish has begun, so that a run killed in the middle is
 * completed by the next before it does anything else; a run killed before that is dropped.
 */
final class RunBranch {
    static final String NAME = "sparkify_run";
    /** Every table a run writes in its own session, in the order they are published: the ledger last. */
    static final List<String> TABLES = List.of(
            "staging_songs",
            "staging_events",
            "songs",
            "artists",
            "users",
            "user_levels",
            "songplays",
            "time",
            "etl_files");

    private static final String PUBLISHING = "sparkify.publishing";
    /** The counts of a snapshot's summary that say it changed the table's data. */
    private static final List<String> FILE_COUNTS =
            List.of("added-data-files", "deleted-data-files", "added-delete-files", "removed-delete-files");

    private final SparkSession spark;
    private final SparkTarget target;

    RunBranch(SparkSession spark, SparkTarget target) {
        this.spark = spark;
        this.target = target;
    }

    /** Sends the session's writes of the tables above to the branch, and its reads of them too once it exists. */
    void writeOnBranch() {
        spark.conf().set("spark.wap.branch", NAME);
    }

    /** Before a run: finishes the publish a killed run began, or drops what a killed or failed run wrote. */
    void recover() {
        if (ledgerSays(PUBLISHING)) {
            publish();
        } else {
            drop();
        }
    }

    /**
     * Moves each table's main to its branch, the ledger last; tables the run did not write have none. A branch
     * whose snapshots changed no data file (a rerun's empty merges) is dropped instead, so that a run with
     * nothing new leaves every table's main as it was.
     */
    void publish() {
        List<Table> changed = new ArrayList<>();
        for (Table table : written()) {
            if (changesData(table)) {
                changed.add(table);
            } else {
                table.manageSnapshots().removeBranch(NAME).commit();
            }
        }
        if (changed.isEmpty()) {
            markLedger(false);
            return;
        }
        markLedger(true);
        for (Table table : changed) {
            SnapshotRef branch = table.refs().get(NAME);
            table.manageSnapshots()
                    .setCurrentSnapshot(branch.snapshotId())
                    .removeBranch(NAME)
                    .commit();
        }
        markLedger(false);
    }

    private static boolean changesData(Table table) {
        Long main =
                table.currentSnapshot() == null ? null : table.currentSnapshot().snapshotId();
        Snapshot snapshot = table.snapshot(table.refs().get(NAME).snapshotId());
        while (snapshot != null && !Objects.equals(snapshot.snapshotId(), main)) {
            for (String files : FILE_COUNTS) {
                if (!"0".equals(snapshot.summary().getOrDefault(files, "0"))) {
                    return true;
                }
            }
            snapshot = snapshot.parentId() == null ? null : table.snapshot(snapshot.parentId());
        }
        return false;
    }

    /** Drops the branch of every table: what the run wrote was never visible, and now is gone. */
    void drop() {
        for (Table table : written()) {
            table.manageSnapshots().removeBranch(NAME).commit();
        }
    }

    private List<Table> written() {
        List<Table> written = new ArrayList<>();
        for (String name : TABLES) {
            Table table = load(name);
            if (table != null && table.refs().containsKey(NAME)) {
                written.add(table);
            }
        }
        return written;
    }

    private boolean ledgerSays(String property) {
        Table ledger = load("etl_files");
        return ledger != null && "true".equals(ledger.properties().get(property));
    }

    private void markLedger(boolean publishing) {
        Table ledger = load("etl_files");
        if (ledger == null || publishing == ledgerSays(PUBLISHING)) {
            return;
        }
        if (publishing) {
            ledger.updateProperties().set(PUBLISHING, "true").commit();
        } else {
            ledger.updateProperties().remove(PUBLISHING).commit();
        }
    }

    private Table load(String name) {
        String table = target.table(name);
        try {
            if (!spark.catalog().tableExists(table)) {
                return null;
            }
            return Spark3Util.loadIcebergTable(spark, table);
        } catch (Exception e) {
            throw new SparkifyException(
                    ErrorCode.WAREHOUSE_FAILED, "Cannot read the Iceberg table " + table + ": " + e.getMessage(), e);
        }
    }
}
