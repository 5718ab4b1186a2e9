package org.seqcast.data;

import org.seqcast.config.MissingPolicy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.seqcast.data.Csv.labels;
import static org.seqcast.data.Csv.read;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accessors, immutability and slicing. */
class TimeSeriesTest {
    @TempDir
    Path dir;

    private TimeSeries series() {
        return read(dir, "t,a,b\n2020-01,1,10\n2020-02,2,20\n2020-03,3,30\n2020-04,4,40\n", "t", List.of("a", "b"), MissingPolicy.ERROR);
    }

    @Test
    void columnReturnsACopy() {
        TimeSeries s = series();
        s.column("a")[0] = 99;
        assertEquals(1.0, s.column("a")[0]);
    }

    @Test
    void unknownColumnIsRejectedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> series().column("c"));
        assertEquals("Invalid column = c; have [a, b]", e.getMessage());
    }

    @Test
    void sliceKeepsMetadataAndContinuesTheFutureFromItsOwnEnd() {
        TimeSeries s = series().slice(1, 3);
        assertEquals(List.of("2020-02", "2020-03"), labels(s));
        assertArrayEquals(new double[] {20, 30}, s.column("b"));
        assertEquals(series().frequency(), s.frequency());
        assertEquals(series().sha256(), s.sha256());
        assertEquals(List.of("2020-04"), s.futureTimes(1));
    }

    @Test
    void invalidSliceIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> series().slice(2, 2));
        assertEquals("Invalid slice = [2, 2) of 4 rows", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> series().slice(0, 5));
        assertThrows(IllegalArgumentException.class, () -> series().slice(-1, 2));
    }

    @Test
    void warningsAreUnmodifiable() {
        TimeSeries s = series();
        assertThrows(UnsupportedOperationException.class, () -> s.warnings().add("x"));
    }
}
