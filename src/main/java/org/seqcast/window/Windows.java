package org.seqcast.window;

/**
 * Supervised windows over a multivariate series: inputs [samples][features][timesteps] (DL4J's NCW
 * layout) and targets [samples][horizon * targets] ordered step-major (step 0 of every target,
 * then step 1, ...).
 *
 * <p>Rows are given column-major: {@code inputs[f][row]} for each input feature and
 * {@code targets[k][row]} for each target.
 */
public final class Windows {
    private final float[][][] x;
    private final float[][] y;
    private final int[] starts;
    private final int timesteps;
    private final int horizon;
    private final int targets;

    private Windows(float[][][] x, float[][] y, int[] starts, int timesteps, int horizon, int targets) {
        this.x = x;
        this.y = y;
        this.starts = starts;
        this.timesteps = timesteps;
        this.horizon = horizon;
        this.targets = targets;
    }

    /**
     * Windows built elsewhere (windows that reach into the forecast period): inputs [samples][features][timesteps],
     * targets [samples][horizon * targets] step-major, the first input row of each. The arrays are kept, not copied.
     */
    public static Windows of(float[][][] x, float[][] y, int[] starts, int timesteps, int horizon, int targets) {
        if (x.length != y.length || x.length != starts.length) {
            throw new IllegalArgumentException("Invalid windows: " + x.length + " inputs, " + y.length + " targets, " + starts.length + " starts");
        }
        return new Windows(x, y, starts, timesteps, horizon, targets);
    }

    /** Cuts the windows whose indexes (see {@link WindowSpec#start}) are in [fromWindow, toWindow). */
    public static Windows cut(double[][] inputs, double[][] targetCols, WindowSpec spec, int fromWindow, int toWindow) {
        int rows = inputs[0].length;
        int n = toWindow - fromWindow;
        if (n < 0) {
            throw new IllegalArgumentException("Invalid window range = [" + fromWindow + ", " + toWindow + ")");
        }
        int f = inputs.length;
        int k = targetCols.length;
        int t = spec.timesteps();
        int h = spec.horizon();
        float[][][] x = new float[n][f][t];
        float[][] y = new float[n][h * k];
        int[] starts = new int[n];
        for (int s = 0; s < n; s++) {
            int start = spec.start(rows, fromWindow + s);
            starts[s] = start;
            for (int j = 0; j < f; j++) {
                double[] col = inputs[j];
                float[] dst = x[s][j];
                for (int i = 0; i < t; i++) {
                    dst[i] = (float) col[start + i];
                }
            }
            for (int step = 0; step < h; step++) {
                for (int c = 0; c < k; c++) {
                    y[s][step * k + c] = (float) targetCols[c][start + t + step];
                }
            }
        }
        return new Windows(x, y, starts, t, h, k);
    }

    /**
     * The windows of several series in one set (for a network trained across series), in the given order;
     * {@link #start} of each sample stays its start row in its own series.
     */
    public static Windows concat(java.util.List<Windows> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("Invalid parts = []");
        }
        Windows first = parts.get(0);
        int n = 0;
        for (Windows w : parts) {
            if (w.timesteps != first.timesteps || w.horizon != first.horizon || w.targets != first.targets
                    || (w.size() > 0 && first.size() > 0 && w.features() != first.features())) {
                throw new IllegalArgumentException("Invalid parts: shapes differ (timesteps " + w.timesteps + " vs " + first.timesteps
                        + ", horizon " + w.horizon + " vs " + first.horizon + ", targets " + w.targets + " vs " + first.targets + ")");
            }
            n += w.size();
        }
        float[][][] x = new float[n][][];
        float[][] y = new float[n][];
        int[] starts = new int[n];
        int i = 0;
        for (Windows w : parts) {
            for (int s = 0; s < w.size(); s++, i++) {
                x[i] = w.x[s];
                y[i] = w.y[s];
                starts[i] = w.starts[s];
            }
        }
        return new Windows(x, y, starts, first.timesteps, first.horizon, first.targets);
    }

    /** The input block of the last {@code timesteps} rows: the window a forecast starts from. */
    public static float[][] lastInputs(double[][] inputs, int timesteps) {
        int rows = inputs[0].length;
        if (rows < timesteps) {
            throw new IllegalArgumentException("Invalid rows = " + rows + " for timesteps = " + timesteps);
        }
        float[][] x = new float[inputs.length][timesteps];
        for (int j = 0; j < inputs.length; j++) {
            for (int i = 0; i < timesteps; i++) {
                x[j][i] = (float) inputs[j][rows - timesteps + i];
            }
        }
        return x;
    }

    public int size() {
        return x.length;
    }

    public int features() {
        return x.length == 0 ? 0 : x[0].length;
    }

    public int timesteps() {
        return timesteps;
    }

    public int horizon() {
        return horizon;
    }

    public int targets() {
        return targets;
    }

    /** Inputs of sample {@code s}: [features][timesteps]. Not copied. */
    public float[][] input(int s) {
        return x[s];
    }

    /** Targets of sample {@code s}: [horizon * targets], step-major. Not copied. */
    public float[] target(int s) {
        return y[s];
    }

    /** First input row of sample {@code s} in the series. */
    public int start(int s) {
        return starts[s];
    }
}
