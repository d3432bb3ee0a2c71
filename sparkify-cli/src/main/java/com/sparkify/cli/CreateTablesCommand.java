package com.sparkify.cli;

import com.sparkify.pipeline.Schema;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(
        name = "create-tables",
        mixinStandardHelpOptions = true,
        description = {
            "Drops and recreates every sparkify table, empty: staging_events, staging_songs, songplays, users, user_levels, songs, artists, time, load_errors, etl_files, etl_runs, etl_unknown_keys, etl_checks. etl creates missing tables by itself; use this to start over."
        })
final class CreateTablesCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Warehouse warehouse = Warehouses.open(common.resolve())) {
            Schema.recreate(warehouse);
            spec.commandLine().getOut().println("Created empty tables in " + warehouse.describe());
        }
        return 0;
    }
}
