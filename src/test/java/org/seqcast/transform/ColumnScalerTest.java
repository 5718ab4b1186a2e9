package org.seqcast.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ColumnScalerTest {
    @Test
    void fitsOnTrainingRowsOnly() {
        double[][] cols = {{1, 2, 3, 1000}};
        ColumnScaler s = ColumnScaler.fit(cols, 3);
        assertEquals(2.0, s.mean()[0], 1e-12);
        assertEquals(Math.sqrt(2.0 / 3), s.scale()[0], 1e-12);
    }

    @Test
    void roundTripRestoresOriginalValues() {
        double[][] cols = {{112, 118, 132, 129, 121, 135}, {-3, 0, 4.5, 1, 2, 7}};
        ColumnScaler s = ColumnScaler.fit(cols, 6);
        double[][] z = s.transform(cols);
        for (int c = 0; c < cols.length; c++) {
            double mean = 0;
            for (double v : z[c]) {
                mean += v;
            }
            assertEquals(0, mean / z[c].length, 1e-12, "scaled mean");
            for (int i = 0; i < cols[c].length; i++) {
                assertEquals(cols[c][i], s.inverse(c, z[c][i]), 1e-9);
            }
        }
    }

    @Test
    void constantColumnMapsToZeroInsteadOfDividingByZero() {
        ColumnScaler s = ColumnScaler.fit(new double[][] {{5, 5, 5}}, 3);
        assertArrayEquals(new double[] {0, 0, 0}, s.transform(new double[][] {{5, 5, 5}})[0]);
        assertEquals(5, s.inverse(0, 0), 0);
    }
}
