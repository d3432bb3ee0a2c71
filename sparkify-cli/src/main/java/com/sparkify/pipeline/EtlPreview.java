package com.sparkify.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What an {@code etl} run would do, found without doing it ({@code etl --plan}).
 *
 * @param warehouse where, safe to print
 * @param loadId the run id (and load_id) the run would get
 * @param files every input file, with what the run would do with it
 * @param statements the SQL the run would send, in order; {@code --} comments stand for work that is not SQL
 */
public record EtlPreview(String warehouse, long loadId, List<PlannedFile> files, List<String> statements) {
    public EtlPreview {
        requireNonNull(warehouse, "warehouse is null");
        files = List.copyOf(files);
        statements = List.copyOf(statements);
    }

    /** What a run does with one input file. */
    public enum Action {
        /** Not in the ledger: loaded. */
        NEW,
        /** In the ledger in another version: its old rows are replaced. */
        CHANGED,
        /** In the ledger as it is: skipped. */
        UNCHANGED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One input file.
     *
     * @param uri its path or s3:// uri
     * @param kind songs or events
     * @param size in bytes
     * @param action what the run would do with it
     */
    public record PlannedFile(String uri, String kind, long size, Action action) {
        public PlannedFile {
            requireNonNull(uri, "uri is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(action, "action is null");
        }
    }

    public long count(Action action) {
        return files.stream().filter(file -> file.action() == action).count();
    }
}
