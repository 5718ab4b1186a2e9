package org.seqcast.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShrinkageTest {

    @Test
    void slopeIsTheLeastSquaresFactorClippedToTheUnitInterval() {
        // Column 0: actual = 0.5 x predicted. Column 1: actual opposes the prediction (slope -1 -> 0).
        // Column 2: actual = 2 x predicted (slope 2 -> 1). Column 3: the network predicts no change.
        double[][] predicted = {{1, 1, 1, 0}, {-2, 2, -1, 0}, {4, -3, 3, 0}};
        double[][] actual = {{0.5, -1, 2, 5}, {-1, -2, -2, 1}, {2, 3, 6, 2}};
        assertArrayEquals(new double[] {0.5, 0, 1, 1}, Shrinkage.slopes(predicted, actual), 1e-12);
    }

    @Test
    void slopeOfNoisyProportionalChangesIsTheirRatio() {
        // actual = 0.3 p + e with e orthogonal to p: the slope is exactly 0.3.
        double[][] predicted = {{1}, {2}, {-1}, {-2}};
        double[][] actual = {{0.3 + 1}, {0.6 - 0.5}, {-0.3 + 1}, {-0.6 - 0.5}};
        assertArrayEquals(new double[] {0.3}, Shrinkage.slopes(predicted, actual), 1e-12);
    }

    @Test
    void rejectsMismatchedRows() {
        assertThrows(IllegalArgumentException.class, () -> Shrinkage.slopes(new double[0][], new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> Shrinkage.slopes(new double[2][1], new double[1][1]));
    }
}
