package org.seqcast.model;

/**
 * Forward pass of a trained forecasting network in plain Java, without ND4J: what {@code predict}
 * runs, so that it starts in a fraction of a second and gives bit-identical forecasts wherever the
 * same parameters are loaded. Matches DL4J's LSTM (gate blocks in the order block input, forget,
 * output, input gate; tanh cell activation; no peepholes), its {@code Bidirectional} CONCAT wrapper,
 * {@code LastTimeStep}, and a linear output layer.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Inference {
    private final NetworkSpec spec;
    private final float[][] w;   // per direction-layer: W [nIn * 4u] row-major
    private final float[][] rw;  // RW [u * 4u]
    private final float[][] b;   // b [4u]
    private final float[] outW;  // [width * outputs]
    private final float[] outB;  // [outputs]

    public Inference(NetworkSpec spec, NetworkParams params) {
        if (params.layerCount() != spec.layers().size() + 1) {
            throw new IllegalArgumentException("Invalid parameters: " + params.layerCount() + " layers for a spec of "
                    + (spec.layers().size() + 1));
        }
        this.spec = spec;
        int n = spec.layers().size();
        w = new float[2 * n][];
        rw = new float[2 * n][];
        b = new float[2 * n][];
        for (int i = 0; i < n; i++) {
            NetworkSpec.Recurrent r = spec.layers().get(i);
            String[] prefixes = r.bidirectional() ? new String[] {"f", "b"} : new String[] {""};
            for (int d = 0; d < prefixes.length; d++) {
                Tensor tw = params.get(i, prefixes[d] + "W");
                Tensor trw = params.get(i, prefixes[d] + "RW");
                Tensor tb = params.get(i, prefixes[d] + "b");
                requireShape(tw, r.nIn(), 4 * r.units());
                requireShape(trw, r.units(), 4 * r.units());
                requireLength(tb, 4 * r.units());
                w[2 * i + d] = tw.data();
                rw[2 * i + d] = trw.data();
                b[2 * i + d] = tb.data();
            }
        }
        Tensor ow = params.get(n, "W");
        Tensor ob = params.get(n, "b");
        requireShape(ow, spec.hiddenWidth(), spec.outputs());
        requireLength(ob, spec.outputs());
        outW = ow.data();
        outB = ob.data();
    }

    private static void requireShape(Tensor t, int rows, int cols) {
        if (t.rows() != rows || t.cols() != cols) {
            throw new IllegalArgumentException("Invalid shape of " + t.name() + " = " + java.util.Arrays.toString(t.shape())
                    + ", expected [" + rows + ", " + cols + "]");
        }
    }

    private static void requireLength(Tensor t, int n) {
        if (t.data().length != n) {
            throw new IllegalArgumentException("Invalid length of " + t.name() + " = " + t.data().length + ", expected " + n);
        }
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** Forecast of one window: x is [features][timesteps]; returns [outputs]. */
    public float[] forward(float[][] x) {
        if (x.length != spec.inputs()) {
            throw new IllegalArgumentException("Invalid features = " + x.length + ", expected " + spec.inputs());
        }
        int t = x[0].length;
        // seq[time][width]
        float[][] seq = new float[t][spec.inputs()];
        for (int j = 0; j < x.length; j++) {
            if (x[j].length != t) {
                throw new IllegalArgumentException("Invalid timesteps = " + x[j].length + " for feature " + j + ", expected " + t);
            }
            for (int s = 0; s < t; s++) {
                seq[s][j] = x[j][s];
            }
        }
        for (int i = 0; i < spec.layers().size(); i++) {
            NetworkSpec.Recurrent r = spec.layers().get(i);
            float[][] fwd = lstm(seq, r.nIn(), r.units(), 2 * i, false);
            if (!r.bidirectional()) {
                seq = fwd;
            } else {
                float[][] bwd = lstm(seq, r.nIn(), r.units(), 2 * i + 1, true);
                float[][] cat = new float[t][2 * r.units()];
                for (int s = 0; s < t; s++) {
                    System.arraycopy(fwd[s], 0, cat[s], 0, r.units());
                    System.arraycopy(bwd[s], 0, cat[s], r.units(), r.units());
                }
                seq = cat;
            }
        }
        float[] last = seq[t - 1];
        int width = spec.hiddenWidth();
        int outs = spec.outputs();
        float[] y = outB.clone();
        for (int k = 0; k < width; k++) {
            float hk = last[k];
            int row = k * outs;
            for (int o = 0; o < outs; o++) {
                y[o] += hk * outW[row + o];
            }
        }
        return y;
    }

    /** One LSTM direction over the whole sequence; output h[time][units], aligned with the input time. */
    private float[][] lstm(float[][] in, int nIn, int u, int idx, boolean reverse) {
        int t = in.length;
        float[] wi = w[idx];
        float[] wr = rw[idx];
        float[] bias = b[idx];
        float[][] out = new float[t][u];
        float[] h = new float[u];
        float[] c = new float[u];
        float[] z = new float[4 * u];
        int g = 4 * u;
        for (int step = 0; step < t; step++) {
            int s = reverse ? t - 1 - step : step;
            System.arraycopy(bias, 0, z, 0, g);
            float[] xs = in[s];
            for (int j = 0; j < nIn; j++) {
                float xj = xs[j];
                if (xj != 0f) {
                    int row = j * g;
                    for (int q = 0; q < g; q++) {
                        z[q] += xj * wi[row + q];
                    }
                }
            }
            for (int k = 0; k < u; k++) {
                float hk = h[k];
                if (hk != 0f) {
                    int row = k * g;
                    for (int q = 0; q < g; q++) {
                        z[q] += hk * wr[row + q];
                    }
                }
            }
            for (int k = 0; k < u; k++) {
                float a = (float) Math.tanh(z[k]);
                float f = sigmoid(z[u + k]);
                float o = sigmoid(z[2 * u + k]);
                float ig = sigmoid(z[3 * u + k]);
                c[k] = f * c[k] + ig * a;
                h[k] = o * (float) Math.tanh(c[k]);
            }
            System.arraycopy(h, 0, out[s], 0, u);
        }
        return out;
    }

    private static float sigmoid(float v) {
        return (float) (1.0 / (1.0 + Math.exp(-v)));
    }
}
