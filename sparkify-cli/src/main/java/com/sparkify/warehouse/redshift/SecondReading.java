package com.sparkify.warehouse.redshift;

import com.sparkify.ingest.RecordReaders;
import com.sparkify.ingest.Reject;
import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A file read once more, by the Java reader of the other engines, because COPY found bad records in it: COPY
 * tells neither how many records it skipped after a syntax error, nor the line and raw text of a row it loaded
 * that sparkify's checks then reject. Files with bad records are rare, so the extra read is cheap.
 *
 * @param records how many records the file holds
 * @param rejects what the Java reader rejects, with lines and raw text
 */
record SecondReading(long records, List<Reject> rejects) {
    SecondReading {
        rejects = List.copyOf(rejects);
    }

    static SecondReading of(FileSource source, SourceFile file) {
        List<Reject> rejects = new ArrayList<>();
        long records = new RecordReaders()
                .read(source, file, (values, record) -> {}, rejects::add)
                .counts()
                .read();
        return new SecondReading(records, rejects);
    }

    /**
     * The Java reader's own rejects for the records sparkify's checks found after COPY, when they are the same
     * records (the same reasons, as many times each); else {@code checked} as they are.
     */
    List<Reject> sameAs(List<Reject> checked) {
        Map<String, Integer> wanted = counts(checked);
        List<Reject> found = rejects.stream()
                .filter(reject -> wanted.containsKey(reject.reason()))
                .toList();
        return Objects.equals(counts(found), wanted) ? found : checked;
    }

    /**
     * One reject standing for the records COPY neither loaded nor rejected, or none.
     *
     * @param accounted records COPY loaded or rejected
     * @param lastError the line of COPY's last error
     */
    List<Reject> unread(SourceFile file, long accounted, long lastError) {
        long missing = records - accounted;
        if (missing <= 0) {
            return List.of();
        }
        return List.of(new Reject(
                file.kind(),
                file.uri(),
                lastError,
                "COPY read " + accounted + " of the " + records + " records of this file: the " + missing
                        + " others, after the error on line " + lastError + ", were not loaded; fix the file and "
                        + "it loads again",
                ""));
    }

    private static Map<String, Integer> counts(List<Reject> rejects) {
        Map<String, Integer> counts = new HashMap<>();
        rejects.forEach(reject -> counts.merge(reject.reason(), 1, Integer::sum));
        return counts;
    }
}
