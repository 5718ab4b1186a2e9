package org.seqcast.data;

import org.seqcast.config.MissingPolicy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqcast.SeqcastException;

/** CSV input edge cases, each against hand-written files. */
class CsvEdgeCasesTest {

    static TimeSeries read(String csv, String time, List<String> cols, MissingPolicy missing) {
        return CsvSeriesReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv", time, cols, missing);
    }

    static SeqcastException fails(String csv, String time, List<String> cols, MissingPolicy missing) {
        return assertThrows(SeqcastException.class, () -> read(csv, time, cols, missing));
    }

    @Test
    void monthlyYearMonthContinuesIntoTheNextYear() {
        TimeSeries s = read("month,v\n1960-10,1\n1960-11,2\n1960-12,3\n", "month", List.of("v"), MissingPolicy.ERROR);
        assertEquals(Frequency.Unit.MONTH, s.frequency().unit());
        assertEquals(12, s.frequency().defaultSeason());
        assertEquals(List.of("1961-01", "1961-02"), s.futureTimes(2));
        assertArrayEquals(new double[] {1, 2, 3}, s.column("v"));
    }

    @Test
    void quarterlyAndYearlyDates() {
        TimeSeries q = read("quarter,v\n1974-04-01,1\n1974-07-01,2\n1974-10-01,3\n", "quarter", List.of("v"), MissingPolicy.ERROR);
        assertEquals(new Frequency(Frequency.Unit.QUARTER, 1), q.frequency());
        assertEquals(4, q.frequency().defaultSeason());
        assertEquals(List.of("1975-01-01", "1975-04-01"), q.futureTimes(2));
        TimeSeries y = read("d,v\n2001-06-30,1\n2002-06-30,2\n", "d", List.of("v"), MissingPolicy.ERROR);
        assertEquals(Frequency.Unit.YEAR, y.frequency().unit());
        assertEquals(List.of("2003-06-30"), y.futureTimes(1));
    }

    @Test
    void dailyWeeklyHalfHourlyAndIntegerSteps() {
        TimeSeries d = read("date,v\n2020-02-27,1\n2020-02-28,2\n2020-02-29,3\n", "date", List.of("v"), MissingPolicy.ERROR);
        assertEquals(new Frequency(Frequency.Unit.DAY, 1), d.frequency());
        assertEquals(7, d.frequency().defaultSeason());
        assertEquals(List.of("2020-03-01"), d.futureTimes(1));
        TimeSeries w = read("date,v\n2020-01-06,1\n2020-01-13,2\n", "date", List.of("v"), MissingPolicy.ERROR);
        assertEquals(Frequency.Unit.WEEK, w.frequency().unit());
        TimeSeries hh = read("ts,v\n2020-01-01T23:00,1\n2020-01-01T23:30,2\n", "ts", List.of("v"), MissingPolicy.ERROR);
        assertEquals(new Frequency(Frequency.Unit.MINUTE, 30), hh.frequency());
        assertEquals(48, hh.frequency().defaultSeason());
        assertEquals(List.of("2020-01-02T00:00", "2020-01-02T00:30"), hh.futureTimes(2));
        TimeSeries sp = read("ts,v\n2020-01-01 10:00:00,1\n2020-01-01 11:00:00,2\n", "ts", List.of("v"), MissingPolicy.ERROR);
        assertEquals(24, sp.frequency().defaultSeason());
        assertEquals(List.of("2020-01-01 12:00:00"), sp.futureTimes(1));
        TimeSeries z = read("ts,v\n2020-01-01T10:00Z,1\n2020-01-01T11:00Z,2\n", "ts", List.of("v"), MissingPolicy.ERROR);
        assertEquals(List.of("2020-01-01T12:00Z"), z.futureTimes(1));
        TimeSeries i = read("year,v\n-2,1\n-1,2\n0,3\n", "year", List.of("v"), MissingPolicy.ERROR);
        assertEquals(new Frequency(Frequency.Unit.STEP, 1), i.frequency());
        assertEquals(List.of("1", "2"), i.futureTimes(2));
    }

    @Test
    void gapsAreReportedWithBothTimesAndLines() {
        TimeSeries s = read("month,v\n1950-01,1\n1950-02,2\n1950-05,5\n1950-06,6\n", "month", List.of("v"), MissingPolicy.DROP);
        assertEquals(4, s.length());
        String w = String.join("\n", s.warnings());
        assertTrue(w.contains("gap of 2 missing months between 1950-02 (line 3) and 1950-05 (line 4)"), w);
        TimeSeries filled = read("month,v\n1950-01,1\n1950-02,2\n1950-05,5\n", "month", List.of("v"), MissingPolicy.INTERPOLATE);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, filled.column("v"), 1e-12);
        assertEquals("1950-03", filled.index().label(2));
    }

    @Test
    void duplicateTimestampsNameBothLines() {
        SeqcastException e = fails("month,v\n1950-01,1\n1950-02,2\n1950-01,3\n", "month", List.of("v"), MissingPolicy.ERROR);
        assertEquals(SeqcastException.Kind.DATA, e.kind());
        assertTrue(e.getMessage().contains("duplicate time 1950-01 on lines 2 and 4"), e.getMessage());
    }

    @Test
    void missingValuesFollowThePolicy() {
        String csv = "d,v\n1,\n2,2\n3,NA\n4,NaN\n5,8\n6,null\n";
        SeqcastException e = fails(csv, "d", List.of("v"), MissingPolicy.ERROR);
        assertTrue(e.getMessage().contains("t.csv: line 2, column 'v': missing value"), e.getMessage());
        assertTrue(e.getMessage().contains("data.missing"), e.getMessage());
        assertArrayEquals(new double[] {2, 2, 4, 6, 8, 8}, read(csv, "d", List.of("v"), MissingPolicy.INTERPOLATE).column("v"), 1e-12);
        assertArrayEquals(new double[] {2, 2, 2, 2, 8, 8}, read(csv, "d", List.of("v"), MissingPolicy.FFILL).column("v"), 1e-12);
        TimeSeries dropped = read(csv, "d", List.of("v"), MissingPolicy.DROP);
        assertArrayEquals(new double[] {2, 8}, dropped.column("v"), 1e-12);
        assertEquals(6, dropped.rawRows());
    }

    @Test
    void nonNumericCellNamesFileLineColumnAndValue() {
        SeqcastException e = fails("month,passengers\n1949-01,112\n1949-02,abc\n", "month", List.of("passengers"), MissingPolicy.INTERPOLATE);
        assertEquals("t.csv: line 3, column 'passengers': 'abc' is not a number", e.getMessage());
    }

    @Test
    void lineNumbersStayRightWithBlankLinesCrlfAndQuotes() {
        SeqcastException e = fails("month,v\r\n\r\n1949-01,\"1\"\r\n1949-02,x\r\n", "month", List.of("v"), MissingPolicy.ERROR);
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
    }

    @Test
    void delimitersBomAndCrlf() {
        TimeSeries semi = read("\uFEFFmonth;v\r\n1949-01;1,5\r\n1949-02;2\r\n".replace("1,5", "1.5"), "month", List.of("v"), MissingPolicy.ERROR);
        assertArrayEquals(new double[] {1.5, 2}, semi.column("v"));
        TimeSeries tab = read("month\tv\n1949-01\t3\n1949-02\t4\n", "month", List.of("v"), MissingPolicy.ERROR);
        assertArrayEquals(new double[] {3, 4}, tab.column("v"));
    }

    @Test
    void missingColumnsAreNamedWithSuggestion() {
        SeqcastException e = fails("month,passenger\n1949-01,1\n", "month", List.of("passengers"), MissingPolicy.ERROR);
        assertTrue(e.getMessage().contains("missing column 'passengers' (did you mean 'passenger'?)"), e.getMessage());
        assertTrue(e.getMessage().contains("the file has month, passenger"), e.getMessage());
    }

    @Test
    void emptyFileWrongFieldCountAndBadTime() {
        assertTrue(fails("", "m", List.of("v"), MissingPolicy.ERROR).getMessage().contains("header row"));
        assertTrue(fails("m,v\n1949-01,1,2\n", "m", List.of("v"), MissingPolicy.ERROR).getMessage().contains("line 2 has 3 fields"));
        assertTrue(fails("m,v\n1949-01,1\n1949-13,2\n", "m", List.of("v"), MissingPolicy.ERROR).getMessage().contains("line 3"));
        assertTrue(fails("m,v\nsoon,1\n", "m", List.of("v"), MissingPolicy.ERROR).getMessage().contains("'soon' is not a time"));
    }

    @Test
    void unsortedRowsAreSortedWithAWarning() {
        TimeSeries s = read("d,v\n3,30\n1,10\n2,20\n", "d", List.of("v"), MissingPolicy.ERROR);
        assertArrayEquals(new double[] {10, 20, 30}, s.column("v"));
        assertTrue(s.warnings().get(0).contains("sorted"), s.warnings().toString());
    }

    @Test
    void longFormatKeepsGoodSeriesAndReportsTheBadOne() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("long", ".csv");
        java.nio.file.Files.writeString(f, "day,id,v\n1,a,1\n1,b,1\n2,a,2\n2,b,oops\n3,a,3\n3,b,3\n");
        List<CsvSeriesReader.Entry> es = CsvSeriesReader.readLong(f.toString(), "id", "day", List.of("v"), MissingPolicy.ERROR);
        assertEquals(List.of("a", "b"), es.stream().map(CsvSeriesReader.Entry::id).toList());
        assertArrayEquals(new double[] {1, 2, 3}, es.get(0).series().column("v"));
        assertNull(es.get(1).series());
        assertTrue(es.get(1).error().getMessage().contains("line 5"), es.get(1).error().getMessage());
        java.nio.file.Files.delete(f);
    }

    @Test
    void everyBundledDatasetLoads() {
        TimeSeries air = CsvSeriesReader.read("data/airpassengers.csv", "month", List.of("passengers"), MissingPolicy.ERROR);
        assertEquals(144, air.length());
        assertEquals("monthly", air.frequency().describe());
        assertEquals("1960-12", air.lastTime());
        assertThrows(SeqcastException.class,
                () -> CsvSeriesReader.read("data/presidents-approval.csv", "quarter", List.of("approval"), MissingPolicy.ERROR));
        TimeSeries pres = CsvSeriesReader.read("data/presidents-approval.csv", "quarter", List.of("approval"), MissingPolicy.INTERPOLATE);
        assertEquals("quarterly", pres.frequency().describe());
        assertEquals(120, pres.length());
        TimeSeries eu = CsvSeriesReader.read("data/eustocks-wide.csv", "day", List.of("DAX", "SMI", "CAC", "FTSE"), MissingPolicy.ERROR);
        assertEquals(1860, eu.length());
        assertEquals(Frequency.Unit.STEP, eu.frequency().unit());
        TimeSeries aq = CsvSeriesReader.read("data/airquality-1973.csv", "date", List.of("ozone", "solar_r", "wind", "temp"),
                MissingPolicy.INTERPOLATE);
        assertEquals("daily", aq.frequency().describe());
        assertEquals(153, aq.length());
        TimeSeries tr = CsvSeriesReader.read("data/treering.csv", "year", List.of("width"), MissingPolicy.ERROR);
        assertEquals("-6000", tr.firstTime());
        assertEquals(7980, tr.length());
        TimeSeries gold = CsvSeriesReader.read("data/gold-daily.csv", "day", List.of("price"), MissingPolicy.INTERPOLATE);
        assertEquals(1108, gold.length());
        assertTrue(CsvSeriesReader.read("data/sunspots-monthly.csv", "month", List.of("sunspots"), MissingPolicy.ERROR).length() > 3000);
        assertEquals(60, CsvSeriesReader.read("data/newhaven-temperature.csv", "year", List.of("temp_f"), MissingPolicy.ERROR).length());
    }
}
