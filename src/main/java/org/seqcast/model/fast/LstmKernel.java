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
    /** Whether the initial state (h block 0, c0) is zero, as it is for every training window. */
    boolean zeroInitialState = true;

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

    // Heap: what only the gate math reads and writes. Per-unit quantities are planes [t][m][u], all
    // indexed s*m*u + j, so each elementwise loop uses one index expression for every array it
    // touches: the JIT vectorizes such loops (arrays indexed at different offsets stay scalar).
    float[] ga = new float[0];    // block input a = tanh(.) ; in backward overwritten by its gradient
    float[] gf = new float[0];    // forget gate
    float[] go = new float[0];    // output gate
    float[] gi = new float[0];    // input gate
    float[] cs = new float[0];    // [t+1] blocks: block s holds c(s-1), block 0 the initial state
    float[] cOut = new float[0];  // c(s) at block s; in backward the cell gradient flowing to c(s-1)
    float[] tcs = new float[0];   // tanh(c(s))
    float[] hp = new float[0];    // h(s)
    float[] eps = new float[0];   // gradient w.r.t. the outputs
    float[] dhs = new float[0];   // block s: gradient w.r.t. h(s) from step s+1
    float[] dcn = new float[0];   // block s: gradient w.r.t. c(s) from step s+1
    private float[] zs = new float[0]; // [m][4u] one step's pre-activations from the GEMM

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
        int n = t * mu;
        ga = fit(ga, n);
        gf = fit(gf, n);
        go = fit(go, n);
        gi = fit(gi, n);
        cs = fit(cs, n + mu);
        cOut = fit(cOut, n);
        tcs = fit(tcs, n);
        hp = fit(hp, n);
        eps = fit(eps, n);
        dhs = fit(dhs, n);
        dcn = fit(dcn, n);
        zs = fit(zs, m * g4);
    }

    private static Buf fit(Buf buf, int n) {
        return buf.capacity >= n ? buf : new Buf(n);
    }

    private static float[] fit(float[] a, int n) {
        return a.length >= n ? a : new float[n];
    }

    /**
     * Forward pass over x (with its column of ones), w (with the bias row), rw and the initial state
     * (h block 0, c0), all filled by the caller; fills the gate planes, cs, tcs, hp and h.
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
            // G_s += H_{s-1} RW  (block s of h holds h(s-1); nothing to add from a zero initial state)
            if (s > 0 || !zeroInitialState) {
                Blas.gemm(false, false, m, g4, u, 1f, h, s * mu, u, rw, 0, g4, 1f, g, gOff, g4);
            }
            g.fb.get(gOff, zs, 0, m * g4);
            step(s * mu);
            h.fb.put((s + 1) * mu, hp, s * mu, mu);
        }
    }

    /** Gate math of one step: activations in place on the GEMM's rows, then per-unit planes. */
    private void step(int sOff) {
        int g4 = 4 * u;
        int mu = m * u;
        float[] z = zs;
        for (int i = 0; i < m; i++) {
            int r = i * g4;
            activate(z, r, r + u, r + g4);
            int p = sOff + i * u;
            System.arraycopy(z, r, ga, p, u);
            System.arraycopy(z, r + u, gf, p, u);
            System.arraycopy(z, r + 2 * u, go, p, u);
            System.arraycopy(z, r + 3 * u, gi, p, u);
        }
        float[] a = ga;
        float[] f = gf;
        float[] o = go;
        float[] in = gi;
        float[] c = cs;
        float[] cn = cOut;
        float[] tc = tcs;
        float[] hh = hp;
        int end = sOff + mu;
        for (int j = sOff; j < end; j++) {
            cn[j] = f[j] * c[j] + in[j] * a[j];
        }
        for (int j = sOff; j < end; j++) {
            tc[j] = tanh(cn[j]);
        }
        for (int j = sOff; j < end; j++) {
            hh[j] = o[j] * tc[j];
        }
        System.arraycopy(cn, sOff, c, end, mu); // c(s) into block s + 1
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

    /** Backpropagation through time from eps (gradient w.r.t. every output step); fills dw, drw and dx. */
    void backward() {
        int g4 = 4 * u;
        int mu = m * u;
        int last = (t - 1) * mu;
        java.util.Arrays.fill(dhs, last, last + mu, 0f);
        java.util.Arrays.fill(dcn, last, last + mu, 0f);
        for (int s = t - 1; s >= 0; s--) {
            int gOff = s * m * g4;
            int sOff = s * mu;
            stepBack(sOff);
            // Interleave the four gate-gradient planes into dZ rows [m][4u] for the GEMMs.
            java.nio.FloatBuffer d = dz.fb;
            for (int i = 0; i < m; i++) {
                int row = gOff + i * g4;
                int p = sOff + i * u;
                d.put(row, ga, p, u);
                d.put(row + u, gf, p, u);
                d.put(row + 2 * u, go, p, u);
                d.put(row + 3 * u, gi, p, u);
            }
            if (s > 0) {
                // dH_{s-1} = dZ_s RW^T, and the cell gradient flows on to step s-1
                Blas.gemm(false, true, m, u, g4, 1f, dz, gOff, g4, rw, 0, g4, 0f, dh, 0, u);
                dh.fb.get(0, dhs, sOff - mu, mu);
                System.arraycopy(cOut, sOff, dcn, sOff - mu, mu);
            }
        }
        int k1 = nIn + 1;
        // Weight gradients over all timesteps at once; the ones column makes the last row of dw the bias gradient.
        Blas.gemm(true, false, k1, g4, t * m, 1f, x, 0, k1, dz, 0, g4, 0f, dw, 0, g4);
        Blas.gemm(true, false, u, g4, t * m, 1f, h, 0, u, dz, 0, g4, 0f, drw, 0, g4);
        // Input gradient: dX = dZ W^T (the last column, against the bias row, is not used)
        Blas.gemm(false, true, t * m, k1, g4, 1f, dz, 0, g4, w, 0, g4, 0f, dx, 0, k1);
    }

    /**
     * Gradients of one step, every array indexed alike; the gate planes are overwritten by the gradients
     * of their pre-activations (each value is read before it is replaced, in the same iteration) and
     * cOut by the gradient flowing to c(s-1).
     */
    private void stepBack(int sOff) {
        float[] a = ga;
        float[] f = gf;
        float[] o = go;
        float[] in = gi;
        float[] tc = tcs;
        float[] c = cs;
        float[] e = eps;
        float[] dhh = dhs;
        float[] dcc = dcn;
        float[] dcPrev = cOut;
        int end = sOff + u * m;
        for (int j = sOff; j < end; j++) {
            float av = a[j];
            float fv = f[j];
            float ov = o[j];
            float iv = in[j];
            float tv = tc[j];
            float dhv = e[j] + dhh[j];
            float dcv = dhv * ov * (1f - tv * tv) + dcc[j];
            a[j] = dcv * iv * (1f - av * av);
            f[j] = dcv * c[j] * fv * (1f - fv);
            o[j] = dhv * tv * ov * (1f - ov);
            in[j] = dcv * av * iv * (1f - iv);
            dcPrev[j] = dcv * fv;
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
