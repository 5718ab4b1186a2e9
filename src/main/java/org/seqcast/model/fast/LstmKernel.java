package org.seqcast.model.fast;

import org.seqcast.model.fast.Blas.Buf;

/**
 * One LSTM layer's forward pass and backpropagation through time in float32, fused: the input
 * projection of all timesteps in one GEMM, one GEMM per step for the recurrence, the gate math in
 * one pass over the step's buffer, and the weight gradients of all timesteps in one GEMM each.
 * Buffers are off-heap, reused across calls, and grown only when the shape grows.
 *
 * <p>Gate blocks are DL4J's: block input (tanh), forget, output, input gate (sigmoid), no peepholes.
 * All matrices here are row-major: W [nIn][4u], RW [u][4u], sequences time-major [t][batch][width].
 * Not thread-safe: one kernel per layer instance.
 */
final class LstmKernel {
    int m;
    int nIn;
    int u;
    int t;

    Buf x = new Buf(0);     // [t][m][nIn]
    Buf w = new Buf(0);     // [nIn][4u]
    Buf rw = new Buf(0);    // [u][4u]
    Buf b = new Buf(0);     // [4u]
    Buf g = new Buf(0);     // [t][m][4u] gate activations (after the forward pass)
    Buf c = new Buf(0);     // [t+1][m][u] cell states, block 0 = initial (zero)
    Buf tc = new Buf(0);    // [t][m][u] tanh(c)
    Buf h = new Buf(0);     // [t+1][m][u] hidden states, block 0 = initial (zero)
    Buf eps = new Buf(0);   // [t][m][u] gradient w.r.t. the outputs
    Buf dz = new Buf(0);    // [t][m][4u]
    Buf dh = new Buf(0);    // [m][u] gradient flowing to h(t-1)
    Buf dc = new Buf(0);    // [m][u] gradient flowing to c(t-1)
    Buf dw = new Buf(0);    // [nIn][4u]
    Buf drw = new Buf(0);   // [u][4u]
    Buf db = new Buf(0);    // [4u]
    Buf dx = new Buf(0);    // [t][m][nIn]

    /** Sizes the buffers for a batch; keeps them when they are large enough. */
    void shape(int batch, int inputs, int units, int steps) {
        m = batch;
        nIn = inputs;
        u = units;
        t = steps;
        int g4 = 4 * u;
        x = fit(x, t * m * nIn);
        w = fit(w, nIn * g4);
        rw = fit(rw, u * g4);
        b = fit(b, g4);
        g = fit(g, t * m * g4);
        c = fit(c, (t + 1) * m * u);
        tc = fit(tc, t * m * u);
        h = fit(h, (t + 1) * m * u);
        eps = fit(eps, t * m * u);
        dz = fit(dz, t * m * g4);
        dh = fit(dh, m * u);
        dc = fit(dc, m * u);
        dw = fit(dw, nIn * g4);
        drw = fit(drw, u * g4);
        db = fit(db, g4);
        dx = fit(dx, t * m * nIn);
    }

    private static Buf fit(Buf buf, int n) {
        return buf.capacity >= n ? buf : new Buf(n);
    }

    /** Forward pass over x, w, rw, b and the initial state in block 0 of h and c (already filled); fills g, c, tc, h. */
    void forward() {
        int g4 = 4 * u;
        int mu = m * u;
        // Input projection of every timestep at once: G[t*m][4u] = X[t*m][nIn] W[nIn][4u]
        Blas.gemm(false, false, t * m, g4, nIn, 1f, x, 0, nIn, w, 0, g4, 0f, g, 0, g4);
        for (int s = 0; s < t; s++) {
            int gOff = s * m * g4;
            // G_s += H_{s-1} RW  (block s of h holds h(s-1))
            Blas.gemm(false, false, m, g4, u, 1f, h, s * mu, u, rw, 0, g4, 1f, g, gOff, g4);
            gates(gOff, s * mu, (s + 1) * mu, s * mu);
        }
    }

    /** Gate math for one step: reads pre-activations at gOff, writes activations back, c and h of the step. */
    private void gates(int gOff, int cPrevOff, int cOff, int tcOff) {
        int g4 = 4 * u;
        java.nio.FloatBuffer gb = g.fb;
        java.nio.FloatBuffer cb = c.fb;
        java.nio.FloatBuffer tb = tc.fb;
        java.nio.FloatBuffer hb = h.fb;
        java.nio.FloatBuffer bb = b.fb;
        for (int i = 0; i < m; i++) {
            int row = gOff + i * g4;
            int cr = i * u;
            for (int k = 0; k < u; k++) {
                int ia = row + k;
                float a = FastMath.tanh(gb.get(ia) + bb.get(k));
                float f = FastMath.sigmoid(gb.get(ia + u) + bb.get(k + u));
                float o = FastMath.sigmoid(gb.get(ia + 2 * u) + bb.get(k + 2 * u));
                float in = FastMath.sigmoid(gb.get(ia + 3 * u) + bb.get(k + 3 * u));
                gb.put(ia, a);
                gb.put(ia + u, f);
                gb.put(ia + 2 * u, o);
                gb.put(ia + 3 * u, in);
                float cv = f * cb.get(cPrevOff + cr + k) + in * a;
                float tv = FastMath.tanh(cv);
                cb.put(cOff + cr + k, cv);
                tb.put(tcOff + cr + k, tv);
                hb.put(cOff + cr + k, o * tv);
            }
        }
    }

    /**
     * Backpropagation through time from eps (gradient w.r.t. every output step); fills dw, drw, db and dx.
     */
    void backward() {
        int g4 = 4 * u;
        int mu = m * u;
        java.nio.FloatBuffer gb = g.fb;
        java.nio.FloatBuffer cb = c.fb;
        java.nio.FloatBuffer tb = tc.fb;
        java.nio.FloatBuffer eb = eps.fb;
        java.nio.FloatBuffer zb = dz.fb;
        java.nio.FloatBuffer hb = dh.fb;
        java.nio.FloatBuffer cc = dc.fb;
        dh.zero(0, mu);
        dc.zero(0, mu);
        for (int s = t - 1; s >= 0; s--) {
            int gOff = s * m * g4;
            int sOff = s * mu;
            for (int i = 0; i < m; i++) {
                int row = gOff + i * g4;
                int r = i * u;
                for (int k = 0; k < u; k++) {
                    int ia = row + k;
                    float a = gb.get(ia);
                    float f = gb.get(ia + u);
                    float o = gb.get(ia + 2 * u);
                    float in = gb.get(ia + 3 * u);
                    float tv = tb.get(sOff + r + k);
                    float cPrev = cb.get(sOff + r + k); // block s of c holds c(s-1)
                    float dhv = eb.get(sOff + r + k) + hb.get(r + k);
                    float dcv = dhv * o * (1f - tv * tv) + cc.get(r + k);
                    zb.put(ia, dcv * in * (1f - a * a));
                    zb.put(ia + u, dcv * cPrev * f * (1f - f));
                    zb.put(ia + 2 * u, dhv * tv * o * (1f - o));
                    zb.put(ia + 3 * u, dcv * a * in * (1f - in));
                    cc.put(r + k, dcv * f);
                }
            }
            // dH_{s-1} = dZ_s RW^T (at s = 0 it is the initial state's gradient, unused)
            if (s > 0) {
                Blas.gemm(false, true, m, u, g4, 1f, dz, gOff, g4, rw, 0, g4, 0f, dh, 0, u);
            }
        }
        // Weight gradients over all timesteps at once.
        Blas.gemm(true, false, nIn, g4, t * m, 1f, x, 0, nIn, dz, 0, g4, 0f, dw, 0, g4);
        Blas.gemm(true, false, u, g4, t * m, 1f, h, 0, u, dz, 0, g4, 0f, drw, 0, g4);
        java.nio.FloatBuffer dbb = db.fb;
        for (int q = 0; q < g4; q++) {
            dbb.put(q, 0f);
        }
        int rows = t * m;
        for (int r = 0; r < rows; r++) {
            int off = r * g4;
            for (int q = 0; q < g4; q++) {
                dbb.put(q, dbb.get(q) + zb.get(off + q));
            }
        }
        // Input gradient: dX = dZ W^T
        Blas.gemm(false, true, t * m, nIn, g4, 1f, dz, 0, g4, w, 0, g4, 0f, dx, 0, nIn);
    }
}
