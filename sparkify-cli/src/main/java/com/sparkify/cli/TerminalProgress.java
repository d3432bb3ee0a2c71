package com.sparkify.cli;

import com.sparkify.ingest.FileCounts;
import com.sparkify.pipeline.EtlListener;
import com.sparkify.source.SourceFile;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr while files are staged; shown only on a terminal, never in CI or a pipe. */
final class TerminalProgress implements EtlListener, AutoCloseable {
    private ProgressBar bar;

    static EtlListener forTerminal() {
        boolean terminal = System.console() != null && !"true".equalsIgnoreCase(System.getenv("CI"));
        return terminal ? new TerminalProgress() : EtlListener.NONE;
    }

    @Override
    public void planned(int files, long bytes) {
        if (files > 0) {
            bar = new ProgressBarBuilder()
                    .setTaskName("Staging")
                    .setInitialMax(files)
                    .setUnit(" files", 1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .continuousUpdate()
                    .build();
        }
    }

    @Override
    public void staged(SourceFile file, FileCounts counts) {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void phase(String name) {
        if (bar != null) {
            bar.setExtraMessage(name);
        }
        if ("transform".equals(name)) {
            close();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
