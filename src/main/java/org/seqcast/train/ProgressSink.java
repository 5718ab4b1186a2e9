package org.seqcast.train;

/** Receives training progress; implementations draw a bar, print lines, or stay silent. */
public interface ProgressSink extends AutoCloseable {
    /** Called once before the first epoch. */
    default void start(int epochs) {
    }

    /** Called after every epoch; {@code best} is the best validation loss so far. */
    void epoch(int epoch, int epochs, double trainLoss, double validationLoss, double best, int bestEpoch);

    /** Called once when training stops (early or not). */
    @Override
    default void close() {
    }

    /** A sink of the same kind for a later phase ({@code refit}), started and closed by that phase; QUIET by default. */
    default ProgressSink phase(String label) {
        return QUIET;
    }

    /**
     * The sink for ensemble member {@code member} (1-based, 2 or more; member 1 reports to this sink), which trains
     * alongside the first: lines labelled with the member, or QUIET where one display is shared (a bar).
     */
    default ProgressSink member(int member) {
        return QUIET;
    }

    ProgressSink QUIET = (epoch, epochs, trainLoss, validationLoss, best, bestEpoch) -> {
    };
}
