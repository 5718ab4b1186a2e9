package org.seqcast.data;

import org.seqcast.config.MissingPolicy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqcast.data.Csv.dataError;
import static org.seqcast.data.Csv.labels;
import static org.seqcast.data.Csv.read;
import static org.seqcast.data.Csv.write;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Missing cells under each policy, gaps in time, unsorted rows and duplicate times. */
class MissingAndGapsTest {
    @TempDir
    Path dir;

    private static final String HOLES = "t,v\n1,NA\n2,2\n3,\n4,null\n5,8\n6,NaN\n";

    @ParameterizedTest
    @ValueSource(strings = {"", "NA", "na", "NaN", "null", "NULL"})
    void missingCellUnderErrorNamesFileLineColumnAndTheSetting(String cell) {
        String f = write(dir, "m.csv", "t,v\n1,1\n2," + cell + "\n3,3\n");
        assertEquals(f + ": line 3, column 'v': missing value; set data.missing to interpolate, ffill or drop to accept missing values",
                dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR)));
    }

    @Test
    void errorReportsTheFirstMissingCellInFileOrder() {
        String f = write(dir, "m.csv", "t,a,b\n1,1,\n2,,2\n");
        String msg = dataError(() -> CsvSeriesReader.read(f, "t", List.of("a", "b"), MissingPolicy.ERROR));
        assertTrue(msg.startsWith(f + ": line 2, column 'b': missing value"), msg);
    }

    @Test
    void missingCellsInColumnsNotRequestedAreIgnored() {
        TimeSeries s = read(dir, "t,a,b\n1,1,\n2,2,NA\n", "t", "a");
        assertArrayEquals(new double[] {1, 2}, s.column("a"));
    }

    @Test
    void interpolateIsLinearWithNearestValueAtTheEnds() {
        TimeSeries s = read(dir, HOLES, "t", List.of("v"), MissingPolicy.INTERPOLATE);
        assertArrayEquals(new double[] {2, 2, 4, 6, 8, 8}, s.column("v"));
        assertEquals(6, s.length());
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("4 missing values in column 'v' filled (interpolate)")), s.warnings().toString());
    }

    @Test
    void ffillCarriesForwardAndALeadingGapTakesTheFirstObservedValue() {
        TimeSeries s = read(dir, HOLES, "t", List.of("v"), MissingPolicy.FFILL);
        assertArrayEquals(new double[] {2, 2, 2, 2, 8, 8}, s.column("v"));
    }

    @Test
    void dropRemovesEveryRowWithAMissingCell() {
        TimeSeries s = read(dir, "t,a,b\n1,1,10\n2,,20\n3,3,\n4,4,40\n", "t", List.of("a", "b"), MissingPolicy.DROP);
        assertEquals(List.of("1", "4"), labels(s));
        assertArrayEquals(new double[] {1, 4}, s.column("a"));
        assertArrayEquals(new double[] {10, 40}, s.column("b"));
        assertEquals(4, s.rawRows());
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("dropped 2 rows with missing values")), s.warnings().toString());
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("between 1 (line 2) and 4 (line 5)")), s.warnings().toString());
    }

    @Test
    void aColumnWithoutValuesIsAnError() {
        String f = write(dir, "m.csv", "t,v\n1,\n2,NA\n");
        assertEquals(f + ": column 'v' has no values",
                dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.INTERPOLATE)));
    }

    @Test
    void dropLeavingNoRowsIsAnError() {
        String f = write(dir, "m.csv", "t,a,b\n1,1,\n2,,2\n");
        String msg = dataError(() -> CsvSeriesReader.read(f, "t", List.of("a", "b"), MissingPolicy.DROP));
        assertTrue(msg.startsWith(f + ": ") && msg.contains("no rows"), msg);
    }

    // ------------------------------------------------------------ gaps

    private static final String GAP = "month,v\n2020-01,1\n2020-02,2\n2020-05,8\n2020-06,9\n";

    @Test
    void aGapUnderErrorIsAnErrorNamingTheGapAndTheKey() {
        String f = write(dir, "g.csv", GAP);
        assertEquals(f + ": gap of 2 missing months between 2020-02 (line 3) and 2020-05 (line 4); set data.missing to interpolate or "
                + "ffill to insert the missing times and fill them, or to drop to read the rows as consecutive",
                dataError(() -> CsvSeriesReader.read(f, "month", List.of("v"), MissingPolicy.ERROR)));
    }

    @Test
    void dropReadsTheRowsAcrossAGapAsConsecutiveAndSaysSo() {
        TimeSeries s = read(dir, GAP, "month", List.of("v"), MissingPolicy.DROP);
        assertEquals(4, s.length());
        assertEquals(List.of(dir.resolve("in.csv") + ": gap of 2 missing months between 2020-02 (line 3) and 2020-05 (line 4)",
                dir.resolve("in.csv") + ": read the rows across the gap as consecutive (data.missing: drop)"), s.warnings());
    }

    @Test
    void mixedOffsetAndZonelessTimesAreRefusedRatherThanMadeAFalseGap() {
        String f = write(dir, "z.csv", "t,v\n2020-01-01T00:00+05:00,1\n2020-01-01T01:00+05:00,2\n2020-01-01T02:00,3\n");
        String msg = dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.INTERPOLATE));
        assertTrue(msg.startsWith(f + ": line 4, column 't': '2020-01-01T02:00' has no UTC offset but line 2"), msg);
        assertTrue(msg.endsWith("write every time with its offset, or none"), msg);
    }

    @Test
    void anIrregularIntervalCannotBeFilledAndSaysWhy() {
        String f = write(dir, "i.csv", "t,v\n2020-01-01T00:00,1\n2020-01-01T01:00,2\n2020-01-01T02:30,3\n2020-01-01T03:30,4\n2020-01-01T04:30,5\n");
        String msg = dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.INTERPOLATE));
        assertTrue(msg.contains("gap of an irregular interval"), msg);
        assertTrue(msg.contains("data.missing to drop"), msg);
    }

    @Test
    void interpolateInsertsAndFillsTheGapRows() {
        TimeSeries s = read(dir, GAP, "month", List.of("v"), MissingPolicy.INTERPOLATE);
        assertEquals(List.of("2020-01", "2020-02", "2020-03", "2020-04", "2020-05", "2020-06"), labels(s));
        assertArrayEquals(new double[] {1, 2, 4, 6, 8, 9}, s.column("v"));
        assertEquals(4, s.rawRows());
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("inserted 2 missing times")), s.warnings().toString());
    }

    @Test
    void ffillInsertsAndCarriesTheGapRows() {
        TimeSeries s = read(dir, GAP, "month", List.of("v"), MissingPolicy.FFILL);
        assertEquals(6, s.length());
        assertArrayEquals(new double[] {1, 2, 2, 2, 8, 9}, s.column("v"));
    }

    @Test
    void gapsAndMissingCellsInterpolateTogether() {
        TimeSeries s = read(dir, "d,v\n2020-01-01,0\n2020-01-02,\n2020-01-05,8\n", "d", List.of("v"), MissingPolicy.INTERPOLATE);
        assertEquals(List.of("2020-01-01", "2020-01-02", "2020-01-03", "2020-01-04", "2020-01-05"), labels(s));
        assertArrayEquals(new double[] {0, 2, 4, 6, 8}, s.column("v"));
    }

    @Test
    void gapRowsInQuarterlyDatesAreLabelledLikeTheInput() {
        TimeSeries s = read(dir, "q,v\n1974-01-01,1\n1974-07-01,3\n1974-10-01,4\n", "q", List.of("v"), MissingPolicy.INTERPOLATE);
        assertEquals(List.of("1974-01-01", "1974-04-01", "1974-07-01", "1974-10-01"), labels(s));
        assertArrayEquals(new double[] {1, 2, 3, 4}, s.column("v"));
    }

    @Test
    void gapRowsInDateTimesKeepTheShape() {
        TimeSeries s = read(dir, "t,v\n2020-01-01 00:00:00Z,0\n2020-01-01 01:00:00Z,1\n2020-01-01 03:00:00Z,3\n", "t", List.of("v"),
                MissingPolicy.FFILL);
        assertEquals(List.of("2020-01-01 00:00:00Z", "2020-01-01 01:00:00Z", "2020-01-01 02:00:00Z", "2020-01-01 03:00:00Z"), labels(s));
        assertArrayEquals(new double[] {0, 1, 1, 3}, s.column("v"));
    }

    @Test
    void manyGapsAreSummarisedAfterTheFirstFive() {
        StringBuilder sb = new StringBuilder("t,v\n");
        for (int i = 1; i < 100; i++) {
            if (i % 10 != 0) {
                sb.append(i).append(',').append(i).append('\n');
            }
        }
        TimeSeries s = read(dir, sb.toString(), "t", List.of("v"), MissingPolicy.DROP);
        assertEquals(5, s.warnings().stream().filter(w -> w.contains("gap of 1 missing step between")).count(), s.warnings().toString());
        assertTrue(s.warnings().contains(dir.resolve("in.csv") + ": 9 gaps in all (9 missing steps)"), s.warnings().toString());
    }

    // ------------------------------------------------------------ order and duplicates

    @Test
    void unsortedRowsAreSortedWithAWarningAndValuesFollowTheirTimes() {
        TimeSeries s = read(dir, "t,v\n2020-03,3\n2020-01,1\n2020-02,2\n", "t", List.of("v"), MissingPolicy.ERROR);
        assertEquals(List.of("2020-01", "2020-02", "2020-03"), labels(s));
        assertArrayEquals(new double[] {1, 2, 3}, s.column("v"));
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("not in time order")), s.warnings().toString());
        assertEquals(List.of("2020-04"), s.futureTimes(1));
    }

    @Test
    void unsortedRowsKeepTheirLinesInLaterErrors() {
        String f = write(dir, "u.csv", "t,v\n3,3\n1,\n2,2\n");
        assertTrue(dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR)).startsWith(f + ": line 3, column 'v'"));
    }

    @Test
    void duplicateTimesNameBothLines() {
        String f = write(dir, "d.csv", "t,v\n2020-01,1\n2020-02,2\n2020-03,3\n2020-02,4\n");
        assertEquals(f + ": duplicate time 2020-02 on lines 3 and 5; keep one row per time",
                dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR)));
    }

    @Test
    void duplicateTimesWrittenDifferentlyAreStillDuplicates() {
        String f = write(dir, "d.csv", "t,v\n2020-01-01T00:00Z,1\n2020-01-01T01:00+01:00,2\n");
        String msg = dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR));
        assertTrue(msg.contains("lines 2 and 3"), msg);
    }
}
