package org.seqcast.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Theta method (thetaf): SES with half the regression slope as drift, on the seasonally adjusted series. */
class ThetaTest {
    @Test
    void aConstantSeriesForecastsItsValue() {
        double[] f = Baselines.theta(new double[] {5, 5, 5, 5, 5, 5}, 3, 1);
        for (double v : f) {
            assertEquals(5, v, 1e-9);
        }
    }

    @Test
    void aStraightLineContinuesAtHalfItsSlopeFromTheLastLevel() {
        double[] y = new double[20];
        for (int i = 0; i < y.length; i++) {
            y[i] = 10 + 2 * i;
        }
        double[] f = Baselines.theta(y, 4, 1);
        // alpha goes to ~1 (the level follows the line), b = slope / 2 = 1: f[i] = y[n-1] + (i + 1)
        for (int i = 0; i < f.length; i++) {
            assertEquals(y[19] + (i + 1), f[i], 0.05, "step " + i);
        }
    }

    @Test
    void aSeasonalSeriesKeepsItsSeasonInTheForecast() {
        double[] pattern = {1.2, 1.0, 0.8, 1.0};
        double[] y = new double[32];
        for (int i = 0; i < y.length; i++) {
            y[i] = 100 * pattern[i % 4];
        }
        double[] f = Baselines.theta(y, 4, 4);
        for (int i = 0; i < 4; i++) {
            assertEquals(100 * pattern[(32 + i) % 4], f[i], 2.0, "step " + i);
        }
        assertTrue(f[0] > f[2], "the peak quarter above the trough");
    }
}
