package org.seqcast.train;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The progress sinks seqcast uses: a live bar on a terminal, plain lines otherwise, or nothing. */
public final class Progress {
    private Progress() {
    }

    /**
     * @param terminal whether stderr is a terminal (bin/seqcast tells: {@code -Dseqcast.tty=true})
     * @param label    prefix for lines, e.g. the series name; may be empty
     */
    public static ProgressSink create(boolean quiet, boolean terminal, PrintStream err, String label) {
        if (quiet) {
            return ProgressSink.QUIET;
        }
        return terminal ? new Bar(err, label) : new Lines(err, label);
    }

    /** Whether bin/seqcast reported stderr to be a terminal. */
    public static boolean stderrIsTerminal() {
        return Boolean.getBoolean("seqcast.tty");
    }

    /** Bars fit an 80-column terminal (one column spare, so the cursor does not wrap). */
    static final int WIDTH = 79;

    static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.5f", v);
    }

    /** A loss in a fixed width (8 characters), so the bar keeps its place from epoch to epoch. */
    static String fixed(double v) {
        return Double.isNaN(v) ? "       -" : String.format(Locale.ROOT, "%8.2e", v);
    }

    /** A plain line every few epochs (about 10 lines a run), and the last one. */
    static final class Lines implements ProgressSink {
        private final PrintStream err;
        private final String label;
        private long t0;
        private int every;

        Lines(PrintStream err, String label) {
            this.err = err;
            this.label = label.isEmpty() ? "" : label + ": ";
        }

        @Override
        public ProgressSink phase(String name) {
            return new Lines(err, label.isEmpty() ? name : label + name);
        }

        @Override
        public ProgressSink member(int member) {
            return new Lines(err, label + "member " + member);
        }

        @Override
        public void start(int epochs) {
            t0 = System.nanoTime();
            every = Math.max(1, epochs / 10);
        }

        @Override
        public void epoch(int epoch, int epochs, double trainLoss, double validationLoss, double best, int bestEpoch) {
            if (epoch == 1 || epoch % every == 0 || epoch == epochs) {
                double s = (System.nanoTime() - t0) / 1e9;
                err.printf(Locale.ROOT, "%sepoch %d/%d  train loss %s  validation loss %s  best %s (epoch %d)  %.1fs%n",
                        label, epoch, epochs, fmt(trainLoss), fmt(validationLoss), fmt(best), bestEpoch, s);
                err.flush();
            }
        }
    }

    /** A live bar with epoch, losses and ETA (me.tongfei progressbar). */
    static final class Bar implements ProgressSink {
        private final PrintStream err;
        private final String label;
        private ProgressBar bar;

        Bar(PrintStream err, String label) {
            this.err = err;
            String l = label.isEmpty() ? "train" : label;
            this.label = l.length() > 14 ? l.substring(0, 13) + "~" : l; // room for the bar and the losses
        }

        @Override
        public ProgressSink phase(String name) {
            return new Bar(err, name);
        }

        @Override
        public void start(int epochs) {
            // At most WIDTH columns; erased when done, so the report that follows is not under a stale bar.
            bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(epochs).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err, WIDTH)).setUnit("", 1)
                    .clearDisplayOnFinish().build();
        }

        @Override
        public void epoch(int epoch, int epochs, double trainLoss, double validationLoss, double best, int bestEpoch) {
            bar.stepTo(epoch);
            bar.setExtraMessage("val " + fixed(validationLoss) + " best " + fixed(best) + String.format(Locale.ROOT, "@%-4d", bestEpoch));
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
                // The library erases asynchronously; erase again so no bar is left under the report that follows.
                err.print("\r" + " ".repeat(WIDTH) + "\r");
                err.flush();
            }
        }
    }
}
