package org.seqcast.model.fast;

/**
 * Sigmoid and tanh in float from one exponential each (tanh uses its Taylor series near 0). The exponential uses the same range reduction
 * as libm (x = n ln2 + r) with a degree-6 polynomial on |r| <= ln2/2: relative error about 2e-7,
 * well inside float precision, at a fraction of the cost of {@link Math#exp}.
 */
final class FastMath {
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;

    private FastMath() {
    }

    static float exp(float x) {
        if (x > 88f) {
            return Float.POSITIVE_INFINITY;
        }
        if (x < -87f) {
            return 0f;
        }
        float n = (float) Math.floor(x * LOG2E + 0.5f);
        float r = x - n * LN2_HI - n * LN2_LO;
        float p = 1f + r * (1f + r * (0.5f + r * (0.16666667f + r * (0.041666668f + r * (0.008333334f + r * 0.0013888889f)))));
        return p * Float.intBitsToFloat(((int) n + 127) << 23);
    }

    static float sigmoid(float x) {
        return 1f / (1f + exp(-x));
    }

    static float tanh(float x) {
        float ax = Math.abs(x);
        if (ax < 0.125f) {
            // Taylor series: no cancellation near 0; the first omitted term is below 2e-9 relative
            float x2 = x * x;
            return x * (1f + x2 * (-0.33333334f + x2 * (0.13333334f + x2 * -0.053968254f)));
        }
        float e = exp(-2f * ax);
        float t = (1f - e) / (1f + e);
        return x < 0 ? -t : t;
    }
}
