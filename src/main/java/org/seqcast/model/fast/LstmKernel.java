package org.seqcast.model.fast;

import java.nio.FloatBuffer;
import org.seqcast.model.fast.Blas.Buf;

/**
 * One LSTM layer's forward pass and backpropagation through time in float32, fused. Each step is one
 * GEMM of the operand rows {@code [x(s) | h(s-1) | 1]} with the combined weights {@code [W; RW; b]}
 * (input projection, recurrence and bias at once, so no GEMM is thin when there are few input
 * features), its backward one GEMM {@code [dx(s) | dh(s-1)] = dZ(s) [W; RW]^T}, and the gradients of
 * W, RW and b over all timesteps one GEMM {@code [X | H | 1]^T dZ}. The gate math runs in one pass over
 * the step (on heap arrays, in loops the JIT vectorizes). Matrices the GEMMs touch live off-heap;
 * everything is reused across calls and grown only when a shape grows.
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

    // Off-heap: operands and results of GEMMs. The caller fills xh's x and ones columns (see
    // Arrays3.readSeqWithOnes with stride k1()), w (with its bias row), rw, h block 0 and c0.
    Buf xh = new Buf(0);    // [t][m][k1] rows [x(s) | h(s-1) | 1], k1 = nIn + u + 1
    Buf w = new Buf(0);     // [nIn + 1][4u], last row = bias
    Buf rw = new Buf(0);    // [u][4u]
    Buf h = new Buf(0);     // [t+1][m][u] hidden states, block 0 = initial state
    Buf c0 = new Buf(0);    // [m][u] initial cell state
    Buf dw = new Buf(0);    // [nIn + 1][4u], last row = bias gradient
    Buf drw = new Buf(0);   // [u][4u]
    Buf dxh = new Buf(0);   // [t][m][nIn + u] rows [dx(s) | dh(s-1)]: the input gradient is columns 0..nIn-1
    private Buf wc = new Buf(0);   // [k1][4u] combined weights [W; RW; b]
    private Buf dwc = new Buf(0);  // [k1][4u] their gradients
    private Buf g = new Buf(0);    // [m][4u] one step's pre-activations
    private Buf dz = new Buf(0);   // [t][m][4u] gate pre-activation gradients

    // Heap: what only the gate math reads and writes. Per-unit quantities are planes [t][m][u], all
    // indexed s*m*u + j, so each elementwise loop uses one index expression for every array it
    // touches: the JIT vectorizes such loops (arrays indexed at different offsets stay scalar).
    float[] ga = new float[0];    // block input a = tanh(.)
    float[] gf = new float[0];    // forget gate (in backward: its pre-activation gradient; likewise go, gi)
    float[] go = new float[0];    // output gate
    float[] gi = new float[0];    // input gate
    float[] cs = new float[0];    // [t+1] blocks: block s holds c(s-1), block 0 the initial state
    float[] cOut = new float[0];  // c(s) at block s; in backward the cell gradient flowing to c(s-1)
    float[] tcs = new float[0];   // tanh(c(s)); in backward the gradient of a's pre-activation
    float[] hp = new float[0];    // h(s)
    float[] eps = new float[0];   // gradient w.r.t. the outputs
    float[] dhs = new float[0];   // block s: gradient w.r.t. h(s) from step s+1
    float[] dcn = new float[0];   // block s: gradient w.r.t. c(s) from step s+1
    private float[] zs = new float[0]; // [m][4u] one step's pre-activations (forward) or their gradients (backward)

    /** Columns of the operand rows: nIn + u + 1. */
    int k1() {
        return nIn + u + 1;
    }

    /** Sizes the buffers for a batch; keeps them when they are large enough. */
    void shape(int batch, int inputs, int units, int steps) {
        m = batch;
        nIn = inputs;
        u = units;
        t = steps;
        int g4 = 4 * u;
        int mu = m * u;
        int k1 = k1();
        xh = fit(xh, t * m * k1);
        w = fit(w, (nIn + 1) * g4);
        rw = fit(rw, u * g4);
        wc = fit(wc, k1 * g4);
        dwc = fit(dwc, k1 * g4);
        g = fit(g, m * g4);
        h = fit(h, (t + 1) * mu);
        c0 = fit(c0, mu);
        dz = fit(dz, t * m * g4);
        dw = fit(dw, (nIn + 1) * g4);
        drw = fit(drw, u * g4);
        dxh = fit(dxh, t * m * (nIn + u));
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
     * Forward pass over xh (x and ones columns filled), w (with the bias row), rw and the initial state
     * (h block 0, c0), all filled by the caller; fills the gate planes, cs, tcs, hp and h.
     */
    void forward() {
        int g4 = 4 * u;
        int mu = m * u;
        int k1 = k1();
        // [W; RW; b]: W's rows, RW's rows, then the bias row (the last row of w).
        FloatBuffer wcb = wc.fb;
        wcb.put(0, w.fb, 0, nIn * g4);
        wcb.put(nIn * g4, rw.fb, 0, u * g4);
        wcb.put((nIn + u) * g4, w.fb, nIn * g4, g4);
        // h(-1) into the operand rows of step 0.
        FloatBuffer x = xh.fb;
        for (int i = 0; i < m; i++) {
            x.put(i * k1 + nIn, h.fb, i * u, u);
        }
        c0.fb.get(0, cs, 0, mu);
        for (int s = 0; s < t; s++) {
            // Z(s) = [x(s) | h(s-1) | 1] [W; RW; b]
            Blas.gemm(false, false, m, g4, k1, 1f, xh, s * m * k1, k1, wc, 0, g4, 0f, g, 0, g4);
            step(s * mu);
            h.fb.put((s + 1) * mu, hp, s * mu, mu);
            if (s + 1 < t) {
                int next = (s + 1) * m * k1 + nIn;
                for (int i = 0; i < m; i++) {
                    x.put(next + i * k1, hp, s * mu + i * u, u);
                }
            }
        }
    }

    /**
     * Gate math of one step: the GEMM's rows split into the four gate planes, then one simple loop per
     * quantity over the whole step (HotSpot vectorizes these; a fused loop or short per-row loops it
     * does not, or badly).
     */
    private void step(int sOff) {
        int g4 = 4 * u;
        int mu = m * u;
        float[] z = zs;
        g.fb.get(0, z, 0, m * g4); // one bulk copy: per-row FloatBuffer copies cost more than the rows
        for (int i = 0; i < m; i++) {
            int r = i * g4;
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
            a[j] = tanh(a[j]);
        }
        for (int j = sOff; j < end; j++) {
            f[j] = sigmoid(f[j]);
        }
        for (int j = sOff; j < end; j++) {
            o[j] = sigmoid(o[j]);
        }
        for (int j = sOff; j < end; j++) {
            in[j] = sigmoid(in[j]);
        }
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

    /** Backpropagation through time from eps (gradient w.r.t. every output step); fills dw, drw and dxh. */
    void backward() {
        int g4 = 4 * u;
        int mu = m * u;
        int k1 = k1();
        int k2 = nIn + u;
        int last = (t - 1) * mu;
        java.util.Arrays.fill(dhs, last, last + mu, 0f);
        java.util.Arrays.fill(dcn, last, last + mu, 0f);
        FloatBuffer d = dz.fb;
        for (int s = t - 1; s >= 0; s--) {
            int gOff = s * m * g4;
            int sOff = s * mu;
            stepBack(sOff);
            // Interleave the four gate-gradient planes into dZ rows [m][4u] for the GEMMs (the block
            // input's gradient is in tcs, see stepBack).
            float[] z = zs;
            for (int i = 0; i < m; i++) {
                int row = i * g4;
                int p = sOff + i * u;
                System.arraycopy(tcs, p, z, row, u);
                System.arraycopy(gf, p, z, row + u, u);
                System.arraycopy(go, p, z, row + 2 * u, u);
                System.arraycopy(gi, p, z, row + 3 * u, u);
            }
            d.put(gOff, z, 0, m * g4);
            // [dx(s) | dh(s-1)] = dZ(s) [W; RW]^T: the first nIn + u rows of the combined weights.
            Blas.gemm(false, true, m, k2, g4, 1f, dz, gOff, g4, wc, 0, g4, 0f, dxh, s * m * k2, k2);
            if (s > 0) {
                int from = s * m * k2 + nIn;
                for (int i = 0; i < m; i++) {
                    dxh.fb.get(from + i * k2, dhs, sOff - mu + i * u, u);
                }
                System.arraycopy(cOut, sOff, dcn, sOff - mu, mu);
            }
        }
        // [dW; dRW; db] = [X | H | 1]^T dZ over all timesteps at once.
        Blas.gemm(true, false, k1, g4, t * m, 1f, xh, 0, k1, dz, 0, g4, 0f, dwc, 0, g4);
        dw.fb.put(0, dwc.fb, 0, nIn * g4);
        dw.fb.put(nIn * g4, dwc.fb, (nIn + u) * g4, g4);
        drw.fb.put(0, dwc.fb, nIn * g4, u * g4);
    }

    /**
     * Gradients of one step, one simple loop per quantity with every array indexed alike (so HotSpot
     * vectorizes them). Reuses the step's planes: dhs and dcn become the total gradients w.r.t. h(s) and
     * c(s), cOut the gradient flowing to c(s-1), tcs the block input's pre-activation gradient, and the
     * forget, output and input gate planes their pre-activation gradients. Each loop reads only values
     * the loops before it have not replaced.
     */
    private void stepBack(int sOff) {
        float[] a = ga;
        float[] f = gf;
        float[] o = go;
        float[] in = gi;
        float[] tc = tcs;
        float[] c = cs;
        float[] e = eps;
        float[] dh = dhs;
        float[] dc = dcn;
        float[] dcPrev = cOut;
        int end = sOff + u * m;
        for (int j = sOff; j < end; j++) {
            dh[j] = e[j] + dh[j];
        }
        for (int j = sOff; j < end; j++) {
            dc[j] = dh[j] * o[j] * (1f - tc[j] * tc[j]) + dc[j];
        }
        for (int j = sOff; j < end; j++) {
            o[j] = dh[j] * tc[j] * o[j] * (1f - o[j]);
        }
        for (int j = sOff; j < end; j++) {
            dcPrev[j] = dc[j] * f[j];
        }
        for (int j = sOff; j < end; j++) {
            f[j] = dc[j] * c[j] * f[j] * (1f - f[j]);
        }
        for (int j = sOff; j < end; j++) {
            tc[j] = dc[j] * in[j] * (1f - a[j] * a[j]);
        }
        for (int j = sOff; j < end; j++) {
            in[j] = dc[j] * a[j] * in[j] * (1f - in[j]);
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
