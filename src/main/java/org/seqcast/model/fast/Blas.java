package org.seqcast.model.fast;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Row-major single-precision GEMM on off-heap buffers through the OpenBLAS that nd4j-native already
 * ships (JavaCPP bindings): no copies between Java and native code. Thread count comes from
 * OPENBLAS_NUM_THREADS (bin/seqcast and the test runner set 1).
 */
final class Blas {
    private Blas() {
    }

    /** An off-heap float buffer, addressable both from Java (as a FloatBuffer) and from BLAS. */
    static final class Buf {
        final FloatBuffer fb;
        final FloatPointer ptr;
        final int capacity;

        Buf(int n) {
            capacity = Math.max(1, n);
            fb = ByteBuffer.allocateDirect(capacity * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
            ptr = new FloatPointer(fb);
        }

        float get(int i) {
            return fb.get(i);
        }

        void put(int i, float v) {
            fb.put(i, v);
        }

        void zero(int from, int n) {
            for (int i = from; i < from + n; i++) {
                fb.put(i, 0f);
            }
        }

    }

    /**
     * C[cOff..] = alpha * op(A) * op(B) + beta * C, all row-major: op(A) is m x k, op(B) is k x n, C is m x n.
     * lda/ldb/ldc are the row strides of A, B, C as stored.
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, Buf a, int aOff, int lda, Buf b, int bOff,
                     int ldb, float beta, Buf c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        // A fresh pointer object per operand (plain Java, no native call): position() mutates it.
        FloatPointer pa = new FloatPointer(a.ptr).position(aOff);
        FloatPointer pb = new FloatPointer(b.ptr).position(bOff);
        FloatPointer pc = new FloatPointer(c.ptr).position(cOff);
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
    }
}
