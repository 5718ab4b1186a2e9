package org.seqcast.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final double[] A = {100, 200, 300};
    private static final double[] F = {110, 180, 300};

    @Test
    void handComputedValues() {
        assertEquals(10.0, Metrics.mae(A, F), 1e-12); // (10 + 20 + 0) / 3
        assertEquals(Math.sqrt(500.0 / 3), Metrics.rmse(A, F), 1e-12); // (100 + 400 + 0) / 3
        assertEquals(100 * (0.1 + 0.1 + 0) / 3, Metrics.mape(A, F), 1e-12);
        // sMAPE (M4): 200|y-f|/(|y|+|f|): 200*10/210, 200*20/380, 0
        assertEquals((2000.0 / 210 + 4000.0 / 380) / 3, Metrics.smape(A, F), 1e-12);
    }

    @Test
    void maseScalesBySeasonalNaiveInSampleError() {
        double[] insample = {1, 2, 3, 4, 5, 6};
        // lag 1: mean |diff| = 1; lag 2: mean |y[t]-y[t-2]| = 2
        assertEquals(1.0, Metrics.seasonalNaiveScale(insample, 1), 1e-12);
        assertEquals(2.0, Metrics.seasonalNaiveScale(insample, 2), 1e-12);
        assertEquals(10.0 / 2.0, Metrics.mase(A, F, insample, 2), 1e-12);
    }

    @Test
    void smapeBoundsAndZeroCase() {
        assertEquals(200.0, Metrics.smape(new double[] {1}, new double[] {-1}), 1e-12);
        assertEquals(0.0, Metrics.smape(new double[] {0}, new double[] {0}), 0);
        assertTrue(Double.isNaN(Metrics.mape(new double[] {0, 1}, new double[] {1, 1})));
    }

    @Test
    void mismatchedOrNonFiniteInputsFailLoudly() {
        assertThrows(IllegalArgumentException.class, () -> Metrics.mae(new double[] {1}, new double[] {1, 2}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.mae(new double[] {1, Double.NaN}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void baselinesOnKnownSeries() {
        double[] y = {1, 2, 3, 10, 20, 30, 11, 21, 31};
        assertArrayEquals(new double[] {31, 31, 31, 31}, Baselines.naive(y, 4));
        assertArrayEquals(new double[] {11, 21, 31, 11}, Baselines.seasonalNaive(y, 4, 3));
        // drift: slope (31 - 1) / 8 = 3.75
        assertArrayEquals(new double[] {34.75, 38.5}, Baselines.drift(y, 2), 1e-12);
        // season longer than the history falls back to naive
        assertArrayEquals(new double[] {31, 31}, Baselines.seasonalNaive(y, 2, 12));
    }
}
