package com.sparkify.generate;

/** Writes a synthetic dataset in the real layout and format. */
public final class DatasetGenerator {
    public GeneratedDataset generate(GeneratorSpec spec) {
        throw new UnsupportedOperationException("not yet");
    }
}
