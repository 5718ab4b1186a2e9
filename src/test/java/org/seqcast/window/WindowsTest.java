package org.seqcast.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.seqcast.SeqcastException;

class WindowsTest {
    // A tiny series checked by hand: y = 1..10, one extra feature x = 10 * y.
    private static final double[] Y = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    private static final double[] X = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};

    @Test
    void countsAndStartsAnchorTheLastWindowAtTheEnd() {
        WindowSpec spec = new WindowSpec(3, 2, 1);
        assertEquals(6, spec.count(10)); // starts 0..5
        assertEquals(0, spec.start(10, 0));
        assertEquals(5, spec.start(10, 5));
        WindowSpec strided = new WindowSpec(3, 2, 2);
        assertEquals(3, strided.count(10)); // starts 1, 3, 5: the newest window is always kept
        assertEquals(1, strided.start(10, 0));
        assertEquals(5, strided.start(10, 2));
        assertEquals(0, new WindowSpec(8, 3, 1).count(10));
    }

    @Test
    void valuesOfEachWindow() {
        double[][] inputs = {Y, X};
        double[][] targets = {Y};
        Windows w = Windows.cut(inputs, targets, new WindowSpec(3, 2, 1), 0, 6);
        assertEquals(6, w.size());
        assertEquals(2, w.features());
        assertEquals(3, w.timesteps());
        // window 0: inputs rows 0..2, targets rows 3..4
        assertArrayEquals(new float[] {1, 2, 3}, w.input(0)[0]);
        assertArrayEquals(new float[] {10, 20, 30}, w.input(0)[1]);
        assertArrayEquals(new float[] {4, 5}, w.target(0));
        // last window: inputs rows 5..7, targets 8..9
        assertArrayEquals(new float[] {6, 7, 8}, w.input(5)[0]);
        assertArrayEquals(new float[] {9, 10}, w.target(5));
        assertEquals(5, w.start(5));
    }

    @Test
    void severalTargetsAreStepMajor() {
        double[][] inputs = {Y, X};
        Windows w = Windows.cut(inputs, inputs, new WindowSpec(2, 2, 1), 0, 1);
        // step 0 of y and x, then step 1
        assertArrayEquals(new float[] {3, 30, 4, 40}, w.target(0));
    }

    @Test
    void lastInputsIsTheMostRecentBlock() {
        float[][] last = Windows.lastInputs(new double[][] {Y, X}, 4);
        assertArrayEquals(new float[] {7, 8, 9, 10}, last[0]);
        assertArrayEquals(new float[] {70, 80, 90, 100}, last[1]);
    }

    @Test
    void splitKeepsValidationTargetsUnseen() {
        WindowSpec spec = new WindowSpec(3, 2, 1);
        Split s = Split.of(10, spec, 0.3, "t.csv");
        assertEquals(6, s.windows());
        assertEquals(2, s.validation()); // round(0.3 * 6)
        assertEquals(4, s.valStart());
        assertEquals(3, s.train()); // window 3 targets rows 6..7, overlapping validation targets 7..8: dropped
        assertEquals(1, s.dropped());
        // the last training window's targets end before the first validation target
        int lastTrainTargetEnd = spec.start(10, s.train() - 1) + 3 + 2;
        int firstValTarget = spec.start(10, s.valStart()) + 3;
        assertTrue(lastTrainTargetEnd <= firstValTarget);
        assertEquals(firstValTarget, s.fitRows());
    }

    @Test
    void tooShortSeriesNamesTheMinimumLength() {
        SeqcastException e = assertThrows(SeqcastException.class, () -> Split.of(6, new WindowSpec(3, 2, 1), 0.2, "short.csv"));
        assertEquals(SeqcastException.Kind.DATA, e.kind());
        assertTrue(e.getMessage().contains("short.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("need at least 7 rows"), e.getMessage());
        // and the stated minimum really works
        int min = Integer.parseInt(e.getMessage().replaceAll(".*need at least (\\d+) rows.*", "$1"));
        Split ok = Split.of(min, new WindowSpec(3, 2, 1), 0.2, "short.csv");
        assertTrue(ok.train() >= 1 && ok.validation() >= 1);
        assertThrows(SeqcastException.class, () -> Split.of(min - 1, new WindowSpec(3, 2, 1), 0.2, "short.csv"));
    }

    @Test
    void invalidSpecsPrintTheBadValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WindowSpec(3, 0, 1));
        assertEquals("Invalid horizon = 0", e.getMessage());
    }
}
