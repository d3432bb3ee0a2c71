package com.sparkify.analytics;

import com.sparkify.generate.DatasetGenerator;
import com.sparkify.generate.GeneratedDataset;
import com.sparkify.generate.GeneratorSpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/** The analyses on a generated dataset: about 30% of its plays match the catalog, and levels change often. */
class GeneratedAnalysesIT extends AnalysesContract {
    @Override
    Path[] dataset(Path dir) {
        GeneratedDataset dataset = new DatasetGenerator()
                .generate(new GeneratorSpec(dir.resolve("data"), 30, 14, 7, GeneratorSpec.DEFAULT_FIRST_DAY));
        return new Path[] {dataset.songData(), dataset.logData()};
    }

    @Override
    Period somePeriod() {
        return new Period(Optional.of(LocalDate.of(2018, 11, 4)), Optional.of(LocalDate.of(2018, 11, 10)));
    }
}
