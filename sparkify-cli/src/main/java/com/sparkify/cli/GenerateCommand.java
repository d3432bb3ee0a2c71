package com.sparkify.cli;

import com.sparkify.generate.DatasetGenerator;
import com.sparkify.generate.GeneratedDataset;
import com.sparkify.generate.GeneratorSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a deterministic synthetic dataset in the real layout and format: song files under OUT/song_data/A/B/C/TR....json and daily eventsim logs under OUT/log_data/YYYY/MM/YYYY-MM-DD-events.json, with sessions, pages besides NextSong, logged-out events, users changing level, and plays that match the generated catalog exactly as well as plays of songs outside it. The same options always give the same bytes.",
            "",
            "Example: sparkify generate --out data --users 100 --days 30 && sparkify etl --songs data/song_data --logs data/log_data",
            ""
        })
final class GenerateCommand implements Callable<Integer> {
    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Folder to write into (created if missing).")
    Path out;

    @Option(
            names = "--users",
            defaultValue = "100",
            paramLabel = "N",
            description = "Distinct users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(
            names = "--days",
            defaultValue = "30",
            paramLabel = "D",
            description = "Daily event logs (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--seed",
            defaultValue = "42",
            paramLabel = "S",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print what was written, or the error, as one line of JSON on stdout.")
    boolean json;

    @Mixin
    LoggingOptions logging = new LoggingOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        logging.apply();
        if (users < 1 || days < 1) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "Expected --users and --days of 1 or more, found " + users + " and " + days);
        }
        GeneratedDataset dataset = new DatasetGenerator()
                .generate(new GeneratorSpec(out, users, days, seed, GeneratorSpec.DEFAULT_FIRST_DAY));
        PrintWriter writer = spec.commandLine().getOut();
        if (json) {
            Json.print(writer, Json.success(spec, GenerateJson.of(dataset)));
            return 0;
        }
        writer.printf(
                Locale.ROOT,
                "Wrote %,d song files to %s and %,d events (%,d plays) in %,d daily logs to %s%n",
                dataset.songFiles(),
                dataset.songData(),
                dataset.events(),
                dataset.nextSongEvents(),
                dataset.eventFiles(),
                dataset.logData());
        return 0;
    }

    /** What generate wrote, under --json; paths absolute. */
    record GenerateJson(String songData, String logData, long songFiles, long eventFiles, long events, long plays) {
        static GenerateJson of(GeneratedDataset dataset) {
            return new GenerateJson(
                    dataset.songData().toAbsolutePath().toString(),
                    dataset.logData().toAbsolutePath().toString(),
                    dataset.songFiles(),
                    dataset.eventFiles(),
                    dataset.events(),
                    dataset.nextSongEvents());
        }
    }
}
