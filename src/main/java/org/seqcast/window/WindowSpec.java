package org.seqcast.window;

/**
 * How a series is cut into supervised samples: {@code timesteps} rows of inputs followed by
 * {@code horizon} rows of targets, one sample every {@code stride} rows (anchored at the end of the
 * series, so the most recent window is always included).
 */
public record WindowSpec(int timesteps, int horizon, int stride) {
    public WindowSpec {
        if (timesteps < 1) {
            throw new IllegalArgumentException("Invalid timesteps = " + timesteps);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("Invalid horizon = " + horizon);
        }
        if (stride < 1) {
            throw new IllegalArgumentException("Invalid stride = " + stride);
        }
    }

    /** Number of complete windows in a series of {@code rows} rows. */
    public int count(int rows) {
        int span = rows - timesteps - horizon;
        return span < 0 ? 0 : span / stride + 1;
    }

    /** First input row of window {@code k} of {@code count(rows)}, windows ordered oldest first. */
    public int start(int rows, int k) {
        int n = count(rows);
        if (k < 0 || k >= n) {
            throw new IndexOutOfBoundsException("Invalid window = " + k + " of " + n);
        }
        return rows - timesteps - horizon - (n - 1 - k) * stride;
    }
}
