package org.seqcast.model.fast;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqcast.model.fast.Blas.Buf;

/**
 * Copies between ND4J arrays (any order, strides and offset: views of the parameter vector included)
 * and the kernel's row-major buffers, reading and writing the arrays' own memory.
 */
final class Arrays3 {
    private Arrays3() {
    }

    private static FloatBuffer mem(INDArray a) {
        if (a.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("Invalid data type = " + a.dataType() + " (the fast LSTM runs float32)");
        }
        return a.data().asNioFloat();
    }

    /** A 2D array [rows, cols] into dst[r * cols + c]. */
    static void read2d(INDArray a, Buf dst) {
        FloatBuffer src = mem(a);
        long[] st = a.stride();
        int rows = (int) a.size(0);
        int cols = (int) a.size(1);
        long off = a.offset();
        FloatBuffer d = dst.fb;
        for (int r = 0; r < rows; r++) {
            long base = off + r * st[0];
            int row = r * cols;
            for (int c = 0; c < cols; c++) {
                d.put(row + c, src.get((int) (base + c * st[1])));
            }
        }
    }

    /**
     * A sequence [m, w, t] (NCW) into the time-major heap array dst[(s * m + i) * w + k]; {@code scratch}
     * (at least m * w * t floats) is used for dense 'c'-order input.
     */
    static void readSeq(INDArray a, float[] dst, float[] scratch) {
        FloatBuffer src = mem(a);
        long[] st = a.stride();
        int m = (int) a.size(0);
        int w = (int) a.size(1);
        int t = (int) a.size(2);
        long off = a.offset();
        boolean rows = st[1] == 1 || w == 1;
        if (rows && st[0] == w && st[2] == (long) m * w) {
            // Already time-major and dense (a time-major [t, m, w] array viewed as NCW, as this helper
            // returns its input gradients): one bulk copy.
            src.get((int) off, dst, 0, m * w * t);
            return;
        }
        if (!rows && st[2] == 1 && st[1] == t && st[0] == (long) w * t) {
            // Dense [m, w, t] in 'c' order (as LastTimeStep makes it): one bulk copy, then reorder on the heap.
            src.get((int) off, scratch, 0, m * w * t);
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < w; k++) {
                    int base = (i * w + k) * t;
                    int to = i * w + k;
                    for (int s = 0; s < t; s++) {
                        dst[s * m * w + to] = scratch[base + s];
                    }
                }
            }
            return;
        }
        if (!rows && st[2] == 1) {
            // [m, w, t] with time contiguous: read along time
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < w; k++) {
                    long base = off + i * st[0] + k * st[1];
                    for (int s = 0; s < t; s++) {
                        dst[(s * m + i) * w + k] = src.get((int) (base + s));
                    }
                }
            }
            return;
        }
        for (int s = 0; s < t; s++) {
            for (int i = 0; i < m; i++) {
                long base = off + i * st[0] + s * st[2];
                int row = (s * m + i) * w;
                if (rows) {
                    src.get((int) base, dst, row, w);
                } else {
                    for (int k = 0; k < w; k++) {
                        dst[row + k] = src.get((int) (base + k * st[1]));
                    }
                }
            }
        }
    }

    /** One [m, w] block of a heap array into a 2D array. */
    static void writeBlock(float[] src, int srcOff, INDArray a) {
        FloatBuffer dst = mem(a);
        long[] st = a.stride();
        int m = (int) a.size(0);
        int w = (int) a.size(1);
        long off = a.offset();
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < w; k++) {
                dst.put((int) (off + i * st[0] + k * st[1]), src[srcOff + i * w + k]);
            }
        }
    }

    /** src[r * cols + c] into a 2D array [rows, cols]. */
    static void write2d(Buf src, INDArray a) {
        FloatBuffer dst = mem(a);
        long[] st = a.stride();
        int rows = (int) a.size(0);
        int cols = (int) a.size(1);
        long off = a.offset();
        for (int r = 0; r < rows; r++) {
            long base = off + r * st[0];
            int row = r * cols;
            for (int c = 0; c < cols; c++) {
                dst.put((int) (base + c * st[1]), src.fb.get(row + c));
            }
        }
    }

    /**
     * A sequence [m, w, t] (NCW) into the time-major buffer dst[(s * m + i) * stride + k], k < w, with 1 in
     * the last column (stride - 1); columns w .. stride - 2 are left alone.
     */
    static void readSeqWithOnes(INDArray a, Buf dst, int stride) {
        FloatBuffer src = mem(a);
        long[] st = a.stride();
        int m = (int) a.size(0);
        int w = (int) a.size(1);
        int t = (int) a.size(2);
        long off = a.offset();
        FloatBuffer d = dst.fb;
        boolean rows = st[1] == 1 || w == 1;
        for (int s = 0; s < t; s++) {
            for (int i = 0; i < m; i++) {
                long base = off + i * st[0] + s * st[2];
                int row = (s * m + i) * stride;
                if (rows) {
                    d.put(row, src, (int) base, w); // contiguous features: one bulk copy per row
                } else {
                    for (int k = 0; k < w; k++) {
                        d.put(row + k, src.get((int) (base + k * st[1])));
                    }
                }
                d.put(row + stride - 1, 1f);
            }
        }
    }

    /** A vector into dst[off + i]. */
    static void readVector(INDArray a, Buf dst, int dstOff) {
        FloatBuffer src = mem(a);
        long n = a.length();
        long off = a.offset();
        long step = a.rank() == 1 ? a.stride(0) : (a.size(0) == 1 ? a.stride(1) : a.stride(0));
        for (int i = 0; i < n; i++) {
            dst.fb.put(dstOff + i, src.get((int) (off + i * step)));
        }
    }

    /** src[off + i] into a vector. */
    static void writeVector(Buf src, int srcOff, INDArray a) {
        FloatBuffer dst = mem(a);
        long n = a.length();
        long off = a.offset();
        long step = a.rank() == 1 ? a.stride(0) : (a.size(0) == 1 ? a.stride(1) : a.stride(0));
        for (int i = 0; i < n; i++) {
            dst.put((int) (off + i * step), src.fb.get(srcOff + i));
        }
    }

    /**
     * A time-major [t][m][w] array of the buffer (rows of {@code width} floats from {@code srcOff}) as a
     * new sequence [m, w, t]: a [t, m, w] array in the given workspace, filled by bulk copies, returned
     * permuted to NCW (a view; DL4J's ops take any strides).
     */
    static INDArray sequence(Buf src, int srcOff, int width, int m, int w, int t,
                             org.deeplearning4j.nn.workspace.LayerWorkspaceMgr mgr, org.deeplearning4j.nn.workspace.ArrayType type) {
        INDArray raw = mgr.createUninitialized(type, DataType.FLOAT, new long[] {t, m, w}, 'c'); // fully overwritten below
        FloatBuffer dst = mem(raw);
        int off = (int) raw.offset();
        if (width == w) {
            dst.put(off, src.fb, srcOff, t * m * w);
        } else {
            for (int r = 0; r < t * m; r++) {
                dst.put(off + r * w, src.fb, srcOff + r * width, w);
            }
        }
        return raw.permute(1, 2, 0);
    }

    /** A 2D array [m, w] into one block of a buffer. */
    static void readBlock(INDArray a, Buf dst, int dstOff) {
        FloatBuffer src = mem(a);
        long[] st = a.stride();
        int m = (int) a.size(0);
        int w = (int) a.size(1);
        long off = a.offset();
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < w; k++) {
                dst.fb.put(dstOff + i * w + k, src.get((int) (off + i * st[0] + k * st[1])));
            }
        }
    }
}
