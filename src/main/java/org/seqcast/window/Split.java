package org.seqcast.window;

import org.seqcast.SeqcastException;

/**
 * A chronological train/validation split of the windows of a series. Validation windows are the
 * most recent ones; training windows are those whose targets all end before the first validation
 * target, so no validation target is ever seen in training (the windows in between are dropped).
 *
 * @param windows   total complete windows
 * @param train     training windows are [0, train)
 * @param valStart  validation windows are [valStart, windows)
 * @param fitRows   rows [0, fitRows) are all that training windows touch: scalers are fitted on them
 */
public record Split(int windows, int train, int valStart, int fitRows) {

    public int validation() {
        return windows - valStart;
    }

    public int dropped() {
        return valStart - train;
    }

    /**
     * Splits the windows of a series of {@code rows} rows, holding out about {@code fraction} of them
     * (at least one) for validation.
     *
     * @param what names the series in the error message (a file name)
     */
    public static Split of(int rows, WindowSpec spec, double fraction, String what) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("Invalid validation fraction = " + fraction);
        }
        int n = spec.count(rows);
        // Dropped windows between the sets: those whose targets overlap the first validation target.
        int gap = (spec.horizon() - 1 + spec.stride() - 1) / spec.stride();
        int minRows = spec.timesteps() + spec.horizon() + (gap + 1) * spec.stride();
        if (n < gap + 2) {
            throw SeqcastException.data(what + ": " + rows + " rows is too short for window.timesteps = "
                    + spec.timesteps() + " and window.horizon = " + spec.horizon() + ": need at least " + minRows
                    + " rows (one training and one validation window); lower window.timesteps or window.horizon");
        }
        int val = (int) Math.max(1, Math.round(fraction * n));
        val = Math.min(val, n - gap - 1);
        int valStart = n - val;
        int train = valStart - gap;
        int fitRows = spec.start(rows, valStart) + spec.timesteps();
        return new Split(n, train, valStart, fitRows);
    }

    /**
     * {@link #of}, except that a series with too few windows for one training and one validation window is not
     * an error: all its windows (possibly none) train and none validate, and every row is fitted on. For a
     * network trained across many series, where the others early-stop it.
     */
    public static Split orAllTraining(int rows, WindowSpec spec, double fraction, String what) {
        int n = spec.count(rows);
        int gap = (spec.horizon() - 1 + spec.stride() - 1) / spec.stride();
        if (n < gap + 2) {
            return new Split(n, n, n, rows);
        }
        return of(rows, spec, fraction, what);
    }
}
