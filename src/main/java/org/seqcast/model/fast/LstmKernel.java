package org.seqcast.model.fast;

import org.seqcast.model.fast.Blas.Buf;

/**
 * One LSTM layer's forward pass and backpropagation through time in float32, fused: the input
 * projection of all timesteps in one GEMM, one GEMM per step for the recurrence, the gate math in one
 * pass over the step (on heap arrays, in loops the JIT vectorizes), and the weight gradients of all
 * timesteps in one GEMM each. Matrices the GEMMs touch live off-heap; everything is reused across
 * calls and grown only when a shape grows.
 *
 * <p>Gate blocks are DL4J's: block input (tanh), forget, output, input gate (sigmoid), no peepholes.
 * All matrices are row-major: W [nIn][4u], RW [u][4u], sequences time-major [t][batch][width].
 * Not thread-safe: one kernel per layer instance.
 */
final class LstmKernel {
    int m;
    int nIn;
    int u;
    int t;

    // Off-heap: operands and results of GEMMs.
    Buf x = new Buf(0);     // [t][m][nIn + 1] inputs, last column 1 (so the bias rides in the GEMM)
    Buf w = new Buf(0);     // [nIn + 1][4u], last row = bias
    Buf rw = new Buf(0);    // [u][4u]
    Buf g = new Buf(0);     // [t][m][4u] pre-activations
    Buf h = new Buf(0);     // [t+1][m][u] hidden states, block 0 = initial state
    Buf c0 = new Buf(0);    // [m][u] initial cell state
    Buf dz = new Buf(0);    // [t][m][4u] gate pre-activation gradients
    Buf dh = new Buf(0);    // [m][u] gradient flowing to h(s-1)
    Buf dw = new Buf(0);    // [nIn + 1][4u], last row = bias gradient
    Buf drw = new Buf(0);   // [u][4u]
    Buf dx = new Buf(0);    // [t][m][nIn + 1] (last column unused)

    // Heap: what only the gate math reads and writes.
    float[] gates = new float[0]; // [t][m][4u] gate activations
    float[] cs = new float[0];    // [t+1][m][u] cell states, block 0 = initial
    float[] tcs = new float[0];   // [t][m][u] tanh(c)
    float[] eps = new float[0];   // [t][m][u] gradient w.r.t. the outputs
    private float[] zs = new float[0];  // [m][4u] one step's pre-activations / gradients
    private float[] hs = new float[0];  // [m][u] one step's hidden state
    private float[] cNew = new float[0]; // [m][u] one step's cell state
    private float[] dhs = new float[0]; // [m][u]
    private float[] dcs = new float[0]; // [m][u]

    /** Sizes the buffers for a batch; keeps them when they are large enough. */
    void shape(int batch, int inputs, int units, int steps) {
        m = batch;
        nIn = inputs;
        u = units;
        t = steps;
        int g4 = 4 * u;
        int mu = m * u;
        x = fit(x, t * m * (nIn + 1));
        w = fit(w, (nIn + 1) * g4);
        rw = fit(rw, u * g4);
        g = fit(g, t * m * g4);
        h = fit(h, (t + 1) * mu);
        c0 = fit(c0, mu);
        dz = fit(dz, t * m * g4);
        dh = fit(dh, mu);
        dw = fit(dw, (nIn + 1) * g4);
        drw = fit(drw, u * g4);
        dx = fit(dx, t * m * (nIn + 1));
        gates = fit(gates, t * m * g4);
        cs = fit(cs, (t + 1) * mu);
        tcs = fit(tcs, t * mu);
        eps = fit(eps, t * mu);
        zs = fit(zs, m * g4);
        hs = fit(hs, mu);
        cNew = fit(cNew, mu);
        dhs = fit(dhs, mu);
        dcs = fit(dcs, mu);
    }

    private static Buf fit(Buf buf, int n) {
        return buf.capacity >= n ? buf : new Buf(n);
    }

    private static float[] fit(float[] a, int n) {
        return a.length >= n ? a : new float[n];
    }

    /**
     * Forward pass over x (with its column of ones), w (with the bias row), rw and the initial state
     * (h block 0, c0), all filled by the caller; fills gates, cs, tcs and h.
     */
    void forward() {
        int g4 = 4 * u;
        int mu = m * u;
        int k1 = nIn + 1;
        // Input projection and bias of every timestep at once: G[t*m][4u] = [X 1][t*m][nIn+1] [W; b][nIn+1][4u]
        Blas.gemm(false, false, t * m, g4, k1, 1f, x, 0, k1, w, 0, g4, 0f, g, 0, g4);
        c0.fb.get(0, cs, 0, mu);
        for (int s = 0; s < t; s++) {
            int gOff = s * m * g4;
            // G_s += H_{s-1} RW  (block s of h holds h(s-1))
            Blas.gemm(false, false, m, g4, u, 1f, h, s * mu, u, rw, 0, g4, 1f, g, gOff, g4);
            g.fb.get(gOff, zs, 0, m * g4);
            step(gOff, s * mu);
            h.fb.put((s + 1) * mu, hs, 0, mu);
        }
    }

    /**
     * Gate math of one step over every row of the batch. The transcendental work runs in place on one
     * array at a time, which the JIT's superword pass vectorizes (a loop that stores into one array
     * and loads from another that might be the same object is left scalar).
     */
    private void step(int gOff, int sOff) {
        int g4 = 4 * u;
        int mu = m * u;
        float[] z = zs;
        for (int i = 0; i < m; i++) {
            int r = i * g4;
            activate(z, r, r + u, r + g4);
        }
        System.arraycopy(z, 0, gates, gOff, m * g4);
        float[] c = cs;
        float[] tc = tcs;
        int cPrev = sOff;
        int cNext = sOff + mu;
        for (int i = 0; i < m; i++) {
            int r = i * g4;
            int ri = i * u;
            for (int k = 0; k < u; k++) {
                float cv = z[r + u + k] * c[cPrev + ri + k] + z[r + 3 * u + k] * z[r + k];
                c[cNext + ri + k] = cv;
                tc[sOff + ri + k] = cv;
            }
        }
        tanhInPlace(tc, sOff, sOff + mu);
        float[] hh = hs;
        for (int i = 0; i < m; i++) {
            int r = i * g4;
            int ri = i * u;
            for (int k = 0; k < u; k++) {
                hh[ri + k] = z[r + 2 * u + k] * tc[sOff + ri + k];
            }
        }
    }

    /** a[from, mid) = tanh, a[mid, to) = sigmoid, in place. */
    private static void activate(float[] a, int from, int mid, int to) {
        for (int k = from; k < mid; k++) {
            a[k] = tanh(a[k]);
        }
        for (int k = mid; k < to; k++) {
            a[k] = sigmoid(a[k]);
        }
    }

    private static void tanhInPlace(float[] a, int from, int to) {
        for (int k = from; k < to; k++) {
            a[k] = tanh(a[k]);
        }
    }

    /** Backpropagation through time from eps (gradient w.r.t. every output step); fills dw, drw, db and dx. */
    void backward() {
        int g4 = 4 * u;
        int mu = m * u;
        java.util.Arrays.fill(dhs, 0, mu, 0f);
        java.util.Arrays.fill(dcs, 0, mu, 0f);
        for (int s = t - 1; s >= 0; s--) {
            int gOff = s * m * g4;
            int sOff = s * mu;
            if (s < t - 1) {
                dh.fb.get(0, dhs, 0, mu);
            }
            stepBack(gOff, sOff);
            dz.fb.put(gOff, zs, 0, m * g4);
            // dH_{s-1} = dZ_s RW^T (at s = 0 it would be the initial state's gradient: unused)
            if (s > 0) {
                Blas.gemm(false, true, m, u, g4, 1f, dz, gOff, g4, rw, 0, g4, 0f, dh, 0, u);
            }
        }
        int k1 = nIn + 1;
        // Weight gradients over all timesteps at once; the ones column makes the last row of dw the bias gradient.
        Blas.gemm(true, false, k1, g4, t * m, 1f, x, 0, k1, dz, 0, g4, 0f, dw, 0, g4);
        Blas.gemm(true, false, u, g4, t * m, 1f, h, 0, u, dz, 0, g4, 0f, drw, 0, g4);
        // Input gradient: dX = dZ W^T (the last column, against the bias row, is not used)
        Blas.gemm(false, true, t * m, k1, g4, 1f, dz, 0, g4, w, 0, g4, 0f, dx, 0, k1);
    }

    private void stepBack(int gOff, int sOff) {
        int g4 = 4 * u;
        float[] ga = gates;
        float[] c = cs;
        float[] tc = tcs;
        float[] e = eps;
        float[] d = zs;
        float[] dhh = dhs;
        float[] dcc = dcs;
        for (int i = 0; i < m; i++) {
            int r = i * g4;
            int q = gOff + r;
            int ri = i * u;
            for (int k = 0; k < u; k++) {
                float a = ga[q + k];
                float f = ga[q + u + k];
                float o = ga[q + 2 * u + k];
                float in = ga[q + 3 * u + k];
                float tv = tc[sOff + ri + k];
                float cPrev = c[sOff + ri + k]; // block s of cs holds c(s-1)
                float dhv = e[sOff + ri + k] + dhh[ri + k];
                float dcv = dhv * o * (1f - tv * tv) + dcc[ri + k];
                d[r + k] = dcv * in * (1f - a * a);
                d[r + u + k] = dcv * cPrev * f * (1f - f);
                d[r + 2 * u + k] = dhv * tv * o * (1f - o);
                d[r + 3 * u + k] = dcv * a * in * (1f - in);
                dcc[ri + k] = dcv * f;
            }
        }
    }

    /**
     * tanh as a rational minimax approximation on [-9, 9] (clamped outside, where float tanh is
     * +-1): max abs error 3.3e-7 against Math.tanh over [-20, 20]. Only multiply, add, divide and
     * min/max, so loops over it vectorize.
     */
    static float tanh(float v) {
        float x = Math.max(-9f, Math.min(9f, v));
        float x2 = x * x;
        float p = x2 * -2.76076847742355e-16f + 2.00018790482477e-13f;
        p = x2 * p + -8.60467152213735e-11f;
        p = x2 * p + 5.12229709037114e-08f;
        p = x2 * p + 1.48572235717979e-05f;
        p = x2 * p + 6.37261928875436e-04f;
        p = x2 * p + 4.89352455891786e-03f;
        p = x * p;
        float q = x2 * 1.19825839466702e-06f + 1.18534705686654e-04f;
        q = x2 * q + 2.26843463243900e-03f;
        q = x2 * q + 4.89352518554385e-03f;
        return p / q;
    }

    /** sigmoid(x) = (1 + tanh(x / 2)) / 2: max abs error 2.3e-7. */
    static float sigmoid(float v) {
        return 0.5f * tanh(0.5f * v) + 0.5f;
    }
}
