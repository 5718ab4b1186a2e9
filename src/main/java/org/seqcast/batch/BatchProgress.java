package org.seqcast.batch;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress over the series of a batch: a live bar on a terminal, one plain line per series otherwise, or nothing. */
public interface BatchProgress extends AutoCloseable {
    /** Called once: {@code total} series, of which {@code resumed} are already complete. */
    void start(int total, int resumed);

    /** Called as each series finishes (from the collecting thread, in completion order). */
    void done(BatchOutputs.Row row);

    @Override
    void close();

    BatchProgress QUIET = new BatchProgress() {
        @Override
        public void start(int total, int resumed) {
        }

        @Override
        public void done(BatchOutputs.Row row) {
        }

        @Override
        public void close() {
        }
    };

    static BatchProgress create(boolean quiet, boolean terminal, PrintStream err) {
        if (quiet) {
            return QUIET;
        }
        return terminal ? new Bar(err) : new Lines(err);
    }

    /** {@code [done/total] id status seconds [reason]}, one line per series. */
    final class Lines implements BatchProgress {
        private final PrintStream err;
        private int total;
        private int done;

        Lines(PrintStream err) {
            this.err = err;
        }

        @Override
        public void start(int total, int resumed) {
            this.total = total;
            this.done = resumed;
            if (resumed > 0) {
                err.printf(Locale.ROOT, "resume: %d of %d series already complete, skipped%n", resumed, total);
            }
        }

        @Override
        public void done(BatchOutputs.Row row) {
            done++;
            err.printf(Locale.ROOT, "[%d/%d] %s %s %.1fs%s%n", done, total, row.series(), row.status().word(), row.seconds(),
                    row.error() == null ? "" : ": " + row.error());
            err.flush();
        }

        @Override
        public void close() {
            err.flush();
        }
    }

    /** A bar over series with the last finished one and the failure count. */
    final class Bar implements BatchProgress {
        private final PrintStream err;
        private ProgressBar bar;
        private int failed;

        Bar(PrintStream err) {
            this.err = err;
        }

        @Override
        public void start(int total, int resumed) {
            bar = new ProgressBarBuilder().setTaskName("batch").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(err, 79)).setUnit(" series", 1).clearDisplayOnFinish().build();
            bar.stepTo(resumed);
        }

        @Override
        public void done(BatchOutputs.Row row) {
            if (row.status() != SeriesResult.Status.OK) {
                failed++;
            }
            bar.step();
            bar.setExtraMessage(row.series() + " " + row.status().word() + (failed > 0 ? ", " + failed + " failed" : ""));
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
