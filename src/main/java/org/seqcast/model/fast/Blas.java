package org.seqcast.model.fast;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Row-major single-precision GEMM on off-heap buffers through the OpenBLAS that nd4j-native already
 * ships (JavaCPP bindings): no copies between Java and native code. Thread count comes from
 * OPENBLAS_NUM_THREADS (bin/seqcast and the test runner set 1).
 */
final class Blas {
    private Blas() {
    }

    /** The BLAS the kernels call: the OpenBLAS that ND4J ships, its version and the core it was built for. */
    static String describe() {
        return (openblas_nolapack.OPENBLAS_VERSION.strip() + " (" + openblas_nolapack.OPENBLAS_CHAR_CORENAME + " build, bytedeco presets)")
                .replaceAll("\\s+", " ");
    }

    /** An off-heap float buffer, addressable both from Java (as a FloatBuffer) and from BLAS. */
    static final class Buf {
        final FloatBuffer fb;
        final int capacity;

        Buf(int n) {
            capacity = Math.max(1, n);
            fb = ByteBuffer.allocateDirect(capacity * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
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
        // Slices of the direct buffers (plain Java objects): no JavaCPP Pointer per call, whose
        // deallocator bookkeeping is a lock shared by every thread.
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m, n, k, alpha, a.fb.slice(aOff, a.capacity - aOff), lda, b.fb.slice(bOff, b.capacity - bOff), ldb, beta,
                c.fb.slice(cOff, c.capacity - cOff), ldc);
    }
}
