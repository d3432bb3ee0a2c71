package com.sparkify.ingest;

import com.sparkify.source.DataKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The unknown keys of one run, file by file; safe to add to from several threads. */
public final class UnknownKeys {
    private final Map<String, UnknownKey> byKindAndKey = new TreeMap<>();

    /** Adds the unknown keys of {@code file}: for each key, how many of its staged records held it. */
    public synchronized void add(DataKind kind, String file, Map<String, Long> recordsByKey) {
        recordsByKey.forEach((key, records) -> byKindAndKey.merge(
                kind.label() + '\u0000' + key,
                new UnknownKey(kind.label(), key, records, file),
                (old, next) -> new UnknownKey(
                        old.kind(),
                        old.key(),
                        old.records() + next.records(),
                        old.exampleFile().compareTo(next.exampleFile()) <= 0
                                ? old.exampleFile()
                                : next.exampleFile())));
    }

    /** Every key found, by kind and key. */
    public synchronized List<UnknownKey> list() {
        List<UnknownKey> keys = new ArrayList<>(byKindAndKey.values());
        keys.sort(Comparator.comparing(UnknownKey::kind).thenComparing(UnknownKey::key));
        return List.copyOf(keys);
    }
}
