package org.seqcast.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.seqcast.window.Windows;

/** Windows that reach into the forecast period: what each input row holds, and the residual targets. */
class AheadTest {
    /** One target (value = row number), one known column (100 + row), no features, no calendar. */
    private static double[][] columns(int rows) {
        double[] y = new double[rows];
        double[] k = new double[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = i;
            k[i] = 100 + i;
        }
        return new double[][] {y, k};
    }

    @Test
    void aLagBeyondTheOriginRepeatsWholePeriods() {
        assertEquals(10 - 4, Ahead.source(10, 4, 20), "observed rows: the value one period earlier");
        assertEquals(19, Ahead.source(23, 4, 20), "the first period ahead copies the last observed period");
        assertEquals(16, Ahead.source(24, 4, 20), "past one period ahead, a whole number of periods back");
        assertEquals(19, Ahead.source(27, 4, 20));
    }

    @Test
    void inputsHoldTheLookbackTheLagsTheKnownValuesAndTheObservedFlag() {
        Ahead a = new Ahead(new int[] {6}, 0, 0, 1, 0, 3);
        double[][] t = columns(30);
        float[] level = new float[1];
        float[][] x = a.inputs(t, 1, 4, false, 20, level);
        assertEquals(1 + 1 + 1 + 1, x.length, "target, its lag, the known column, the flag");
        assertEquals(a.inputs(1), x.length);
        assertArrayEquals(new float[] {16, 17, 18, 19, 0, 0, 0}, x[0], "lookback rows, then 0 at the forecast rows");
        assertArrayEquals(new float[] {10, 11, 12, 13, 14, 15, 16}, x[1], "each row's value 6 rows earlier, never after the origin");
        assertArrayEquals(new float[] {116, 117, 118, 119, 120, 121, 122}, x[2], "known values at every row, the forecast rows too");
        assertArrayEquals(new float[] {1, 1, 1, 1, 0, 0, 0}, x[3]);
    }

    @Test
    void windowNormalisationMakesTargetsAndLagsRelativeToTheLastValue() {
        Ahead a = new Ahead(new int[] {6}, 0, 0, 1, 0, 3);
        float[] level = new float[1];
        float[][] x = a.inputs(columns(30), 1, 4, true, 20, level);
        assertEquals(19f, level[0]);
        assertArrayEquals(new float[] {-3, -2, -1, 0, 0, 0, 0}, x[0]);
        assertArrayEquals(new float[] {-9, -8, -7, -6, -5, -4, -3}, x[1]);
        assertArrayEquals(new float[] {116, 117, 118, 119, 120, 121, 122}, x[2], "known columns are not made relative");
    }

    @Test
    void residualTargetsAreTheDifferenceFromTheSeasonalNaiveForecast() {
        Ahead a = new Ahead(new int[] {2, 6}, 6, 0, 1, 0, 3);
        double[][] t = columns(30);
        Windows w = a.windows(t, 1, 4, true, new int[] {20, 25});
        assertEquals(2, w.size());
        assertEquals(7, w.timesteps(), "lookback and horizon");
        assertArrayEquals(new float[] {6, 6, 6}, w.target(0), "value minus the value 6 rows earlier (a line: always 6)");
        assertEquals(21, w.start(1));
        double[][] base = a.base(t, 1, 20, new float[] {19});
        assertEquals(14, base[0][0]);
        assertEquals(16, base[2][0]);
    }

    @Test
    void anOriginWithoutTheLagsHistoryIsRefused() {
        Ahead a = new Ahead(new int[] {6}, 0, 0, 1, 0, 3);
        assertThrows(IllegalArgumentException.class, () -> a.inputs(columns(30), 1, 4, false, 9, new float[1]));
        assertThrows(IllegalArgumentException.class, () -> a.inputs(columns(30), 1, 4, false, 28, new float[1]),
                "the known columns must reach the horizon's end");
    }
}
