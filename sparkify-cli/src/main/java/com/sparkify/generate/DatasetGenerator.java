package com.sparkify.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic dataset in the real layout and format: a song catalog as Million Song Dataset files
 * and one eventsim log per day. The same {@link GeneratorSpec} always gives byte-identical files; existing
 * files of the same names are overwritten and nothing else is touched. Events are streamed, so memory
 * depends on the number of users, not on the number of events.
 */
public final class DatasetGenerator {
    /** Writes the dataset of {@code spec} and says what it wrote. */
    public GeneratedDataset generate(GeneratorSpec spec) {
        Path songData = spec.out().resolve("song_data");
        Path logData = spec.out().resolve("log_data");
        try {
            return write(spec, songData, logData);
        } catch (IOException | UncheckedIOException e) {
            throw new SparkifyException(ErrorCode.INPUT, cannotWrite(spec.out(), e), e);
        }
    }

    private static GeneratedDataset write(GeneratorSpec spec, Path songData, Path logData) throws IOException {
        // No separator between root values: each event ends its own line instead (newline-delimited JSON).
        JsonFactory factory =
                new JsonFactoryBuilder().rootValueSeparator((String) null).build();
        // One independent stream per part, so a change in how days are drawn never reshuffles the catalog.
        SplittableRandom seeds = new SplittableRandom(spec.seed());
        SplittableRandom catalogRandom = seeds.split();
        SplittableRandom userRandom = seeds.split();
        Catalog catalog = Catalog.create(spec.users(), catalogRandom);
        Users users = Users.create(spec.users(), spec.firstDay().toEpochDay() * DayLog.DAY_MILLIS, userRandom);

        Files.createDirectories(songData);
        SongFiles songFiles = new SongFiles(factory, songData);
        for (Song song : catalog.songs()) {
            songFiles.write(song);
        }

        DayLog dayLog = new DayLog(users, catalog);
        long events = 0;
        long plays = 0;
        long nextSessionId = 1;
        for (int d = 0; d < spec.days(); d++) {
            LocalDate day = spec.firstDay().plusDays(d);
            Path file = dayFile(logData, day);
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file);
                    JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
                DayLog.Counts counts = dayLog.write(json, day, seeds.split(), nextSessionId);
                events += counts.events();
                plays += counts.plays();
                nextSessionId += counts.sessions();
            }
        }
        return new GeneratedDataset(songData, logData, catalog.songs().size(), spec.days(), events, plays);
    }

    /** {@code log_data/YYYY/MM/YYYY-MM-DD-events.json}, the layout of the public sample. */
    static Path dayFile(Path logData, LocalDate day) {
        return logData.resolve(String.format(Locale.ROOT, "%04d", day.getYear()))
                .resolve(String.format(Locale.ROOT, "%02d", day.getMonthValue()))
                .resolve(day + "-events.json");
    }

    private static String cannotWrite(Path out, Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        String reason;
        if (cause instanceof AccessDeniedException denied) {
            reason = "permission denied on " + denied.getFile();
        } else if (cause instanceof FileAlreadyExistsException exists) {
            reason = exists.getFile() + " exists and is not a folder";
        } else if (cause instanceof FileSystemException fs && fs.getFile() != null) {
            reason = fs.getFile() + (fs.getReason() == null ? "" : ": " + fs.getReason());
        } else {
            reason = String.valueOf(cause.getMessage());
        }
        return "Cannot write the generated dataset to " + out + " (" + reason.replace('\n', ' ')
                + "); choose a writable --out folder";
    }
}
