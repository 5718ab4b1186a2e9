package org.seqcast.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.seqcast.config.TargetTransform;

class SeasonalIndexTest {
    private static final double[] PATTERN = {1.3, 1.1, 0.9, 0.7};

    private static double[] seasonal(int n, int start) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (100 + i) * PATTERN[(start + i) % 4];
        }
        return y;
    }

    private static int[] phases(int n, int start) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = (start + i) % 4;
        }
        return p;
    }

    @Test
    void recoversAMultiplicativePatternByPhase() {
        double[] off = SeasonalIndex.logOffsets(seasonal(40, 2), phases(40, 2), 4);
        assertNotNull(off);
        double mean = 1.0; // the pattern's mean is 1, so the indices are the pattern itself
        for (int p = 0; p < 4; p++) {
            assertEquals(Math.log(PATTERN[p] / mean), off[p], 0.02, "phase " + p);
        }
    }

    @Test
    void noiseAndShortSeriesAreNotSeasonal() {
        // a 90% test: white noise passes about one time in ten
        int passed = 0;
        for (int seed = 0; seed < 40; seed++) {
            Random r = new Random(seed);
            double[] noise = new double[60];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = 100 + r.nextGaussian();
            }
            passed += SeasonalIndex.logOffsets(noise, phases(60, 0), 4) == null ? 0 : 1;
        }
        assertTrue(passed <= 10, passed + " of 40 noise series called seasonal");
        assertTrue(SeasonalIndex.logOffsets(seasonal(60, 1), phases(60, 1), 4) != null);
        assertNull(SeasonalIndex.logOffsets(seasonal(7, 0), phases(7, 0), 4), "fewer than two seasons");
    }

    @Test
    void aDeseasonalisingPreprocessorRemovesThePatternAndPutsItBackOnOutput() {
        int n = 48;
        double[] y = seasonal(n, 0);
        double[] sin = new double[n];
        double[] cos = new double[n];
        for (int i = 0; i < n; i++) {
            sin[i] = Math.sin(2 * Math.PI * (i % 4) / 4);
            cos[i] = Math.cos(2 * Math.PI * (i % 4) / 4);
        }
        double[][] raw = {y, sin, cos};
        Preprocessor pre = Preprocessor.fitLevels(raw, 1, n, TargetTransform.AUTO, true, "s", 2, 4);
        assertNotNull(pre.seasonal());
        double[][] t = pre.apply(raw, "s");
        // deseasonalised log values grow smoothly: consecutive differences stay small
        for (int i = 1; i < n; i++) {
            assertEquals(0, t[0][i] - t[0][i - 1], 0.05, "row " + i);
        }
        assertEquals(sin[n - 1], t[1][n - 1], 1e-12, "season columns are not scaled");
        Preprocessor.Input in = pre.last(t, 8);
        assertEquals((n - 1) % 4, in.phase());
        // an output of 0 (no change from the last level) comes back with the season of each step
        double last = pre.invert(0, 0, in.level()[0], in.phase());
        assertEquals(y[n - 1], last, 0.05 * y[n - 1]);
        double next = pre.invert(0, 0, in.level()[0], in.phase() + 1);
        assertEquals(PATTERN[n % 4] / PATTERN[(n - 1) % 4], next / last, 0.03);
        // padding continues the season columns backwards
        double[][] padded = pre.padFront(t, 3, 4);
        assertEquals(n + 3, padded[0].length);
        assertArrayEquals(new double[] {t[0][0], t[0][0], t[0][0]}, java.util.Arrays.copyOf(padded[0], 3), 0);
        for (int i = 0; i < 3; i++) {
            int phase = Math.floorMod(i - 3, 4);
            assertEquals(Math.sin(2 * Math.PI * phase / 4), padded[1][i], 1e-9);
            assertEquals(Math.cos(2 * Math.PI * phase / 4), padded[2][i], 1e-9);
        }
    }
}
