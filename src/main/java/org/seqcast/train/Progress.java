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

    static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.5f", v);
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
            this.label = label.isEmpty() ? "train" : label;
        }

        @Override
        public void start(int epochs) {
            bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(epochs).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err)).setUnit(" epochs", 1)
                    .showSpeed().build();
        }

        @Override
        public void epoch(int epoch, int epochs, double trainLoss, double validationLoss, double best, int bestEpoch) {
            bar.stepTo(epoch);
            bar.setExtraMessage("train " + fmt(trainLoss) + " val " + fmt(validationLoss) + " best " + fmt(best) + "@" + bestEpoch);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
