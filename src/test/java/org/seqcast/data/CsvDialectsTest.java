package org.seqcast.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqcast.data.Csv.dataError;
import static org.seqcast.data.Csv.labels;
import static org.seqcast.data.Csv.write;

import java.nio.file.Path;
import java.util.List;
import org.seqcast.config.DecimalMark;
import org.seqcast.config.MissingPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seqcast.SeqcastException;

/** Files as spreadsheets and databases export them (src/test/resources/dialects), and the errors when a file cannot tell. */
class CsvDialectsTest {
    @TempDir
    Path dir;

    private static String res(String name) {
        return Path.of("src", "test", "resources", "dialects", name).toString();
    }

    private static TimeSeries read(String file, String time, List<String> cols) {
        return CsvSeriesReader.read(res(file), time, cols, MissingPolicy.ERROR);
    }

    @Test
    void germanExcelExportWithDecimalCommaThousandsDotsAndDayFirstMonthlyDates() {
        TimeSeries s = read("excel-de-monthly.csv", "Datum", List.of("Umsatz", "Kosten"));
        assertEquals(new Frequency(Frequency.Unit.MONTH, 1), s.frequency());
        assertEquals(30, s.length());
        assertEquals(1000.0, s.value(0, 0), 1e-9);
        assertEquals(1137.25, s.value(0, 1), 1e-9);
        assertEquals(454.9, s.value(1, 1), 1e-9);
        assertEquals(List.of("01.07.2022", "01.08.2022"), s.futureTimes(2));
        assertEquals("dd.MM.yyyy", s.index().formatDescription());
    }

    @Test
    void usExcelExportWithMonthFirstDatesAndQuotedThousands() {
        TimeSeries s = read("excel-us-daily.csv", "Date", List.of("Sales"));
        assertEquals(new Frequency(Frequency.Unit.DAY, 1), s.frequency());
        assertEquals(12025.9, s.value(0, 0), 1e-9);
        assertEquals("04/09/2021", s.lastTime());
        assertEquals(List.of("04/10/2021", "04/11/2021"), s.futureTimes(2));
    }

    @Test
    void sqlMonthlyStampedAtMidnightIsMonthlyWithItsSeasonAndDates() {
        TimeSeries s = read("sql-monthly.csv", "month_start", List.of("revenue"));
        assertEquals(new Frequency(Frequency.Unit.MONTH, 1), s.frequency());
        assertEquals(12, s.frequency().defaultSeason());
        assertEquals(List.of("1982-07-01 00:00:00", "1982-08-01 00:00:00", "1982-09-01 00:00:00"), s.futureTimes(3));
        assertEquals(0, s.index().phase(0, 12)); // January
        assertTrue(s.warnings().isEmpty(), s.warnings().toString());
    }

    @Test
    void isoQuarterlyStampedAtMidnightUtcIsQuarterly() {
        TimeSeries s = read("sql-quarterly-z.csv", "quarter", List.of("gdp"));
        assertEquals(new Frequency(Frequency.Unit.QUARTER, 1), s.frequency());
        assertEquals(4, s.frequency().defaultSeason());
        assertEquals(List.of("1993-01-01T00:00:00Z", "1993-04-01T00:00:00Z"), s.futureTimes(2));
    }

    @Test
    void businessDaysSkipWeekendsInForecastsAndAreNotGaps() {
        TimeSeries s = read("business-days.csv", "date", List.of("close"));
        assertEquals(new Frequency(Frequency.Unit.BUSINESS_DAY, 1), s.frequency());
        assertEquals(5, s.frequency().defaultSeason());
        assertTrue(s.warnings().isEmpty(), s.warnings().toString());
        assertEquals("2024-02-09", s.lastTime()); // a Friday
        assertEquals(List.of("2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15", "2024-02-16", "2024-02-19"), s.futureTimes(6));
        assertEquals(0, s.index().phase(0, 5)); // Monday
        assertEquals(4, s.index().phase(s.length() - 1, 5)); // Friday
    }

    @Test
    void aMissingWeekdayInBusinessDaysIsAGapThatFfillFills() {
        String f = write(dir, "b.csv", "d,v\n2024-01-04,1\n2024-01-05,2\n2024-01-08,3\n2024-01-10,5\n2024-01-11,6\n");
        String msg = dataError(() -> CsvSeriesReader.read(f, "d", List.of("v"), MissingPolicy.ERROR));
        assertTrue(msg.startsWith(f + ": gap of 1 missing business day between 2024-01-08 (line 4) and 2024-01-10 (line 5)"), msg);
        TimeSeries s = CsvSeriesReader.read(f, "d", List.of("v"), MissingPolicy.FFILL);
        assertEquals(List.of("2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09", "2024-01-10", "2024-01-11"), labels(s));
        assertArrayEquals(new double[] {1, 2, 3, 3, 5, 6}, s.column("v"));
    }

    @Test
    void excelAndDatabaseNaTokensAreMissing() {
        TimeSeries s = CsvSeriesReader.read(res("na-tokens.csv"), "t", List.of("v"), MissingPolicy.INTERPOLATE);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, s.column("v"), 1e-12);
        String msg = dataError(() -> CsvSeriesReader.read(res("na-tokens.csv"), "t", List.of("v"), MissingPolicy.ERROR));
        assertTrue(msg.endsWith("line 3, column 'v': missing value; set data.missing to interpolate, ffill or drop to accept missing values"), msg);
    }

    @Test
    void datesThatReadBothWaysEvenlyAreAnErrorNamingBothPatternsAndTheKey() {
        assertEquals(res("ambiguous-dates.csv") + ": column 'd': times like '01/01/2020' read as dd/MM/yyyy or MM/dd/yyyy and every value "
                + "fits both; set data.time_format to the one the file uses",
                dataError(() -> read("ambiguous-dates.csv", "d", List.of("v"))));
        TimeSeries s = CsvSeriesReader.read(res("ambiguous-dates.csv"), "d", List.of("v"),
                new ReadOptions(MissingPolicy.ERROR, "dd/MM/yyyy", DecimalMark.AUTO));
        assertEquals(new Frequency(Frequency.Unit.MONTH, 1), s.frequency());
        assertEquals(List.of("01/01/2021"), s.futureTimes(1));
    }

    @Test
    void aConfiguredTimeFormatIsUsedAndAValueNotMatchingItIsNamed() {
        String f = write(dir, "t.csv", "t,v\n2020|03|01 10h,1\n2020|03|01 11h,2\n2020|03|01 12x,3\n");
        String msg = dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), new ReadOptions(MissingPolicy.ERROR, "yyyy|MM|dd HH'h'",
                DecimalMark.AUTO)));
        assertEquals(f + ": line 4, column 't': '2020|03|01 12x' does not match data.time_format 'yyyy|MM|dd HH'h''", msg);
        TimeSeries s = CsvSeriesReader.read(write(dir, "u.csv", "t,v\n2020|03|01 10h,1\n2020|03|01 11h,2\n"), "t", List.of("v"),
                new ReadOptions(MissingPolicy.ERROR, "yyyy|MM|dd HH'h'", DecimalMark.AUTO));
        assertEquals(new Frequency(Frequency.Unit.HOUR, 1), s.frequency());
        assertEquals(List.of("2020|03|01 12h"), s.futureTimes(1));
    }

    @Test
    void anInvalidTimeFormatIsAConfigError() {
        String f = write(dir, "t.csv", "t,v\n1,1\n");
        SeqcastException e = org.junit.jupiter.api.Assertions.assertThrows(SeqcastException.class,
                () -> CsvSeriesReader.read(f, "t", List.of("v"), new ReadOptions(MissingPolicy.ERROR, "MM.dd", DecimalMark.AUTO)));
        assertEquals(SeqcastException.Kind.CONFIG, e.kind());
        assertEquals("data.time_format: 'MM.dd' is it names no year (use yyyy); write it like dd.MM.yyyy or MM/dd/yyyy HH:mm", e.getMessage());
    }

    @Test
    void monthFirstWithTimeAndAmPmIsDetected() {
        String f = write(dir, "t.csv", "t,v\n1/31/2021 11:00 PM,1\n2/1/2021 12:00 AM,2\n2/1/2021 1:00 AM,3\n");
        TimeSeries s = CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR);
        assertEquals(new Frequency(Frequency.Unit.HOUR, 1), s.frequency());
        assertEquals(List.of("2/1/2021 2:00 AM"), s.futureTimes(1));
    }

    // ------------------------------------------------------------ decimal marks

    @Test
    void aDecimalCommaInASemicolonFileIsDetected() {
        TimeSeries s = CsvSeriesReader.read(write(dir, "c.csv", "t;v\n1;1,5\n2;2\n3;1.234,5\n"), "t", List.of("v"), MissingPolicy.ERROR);
        assertArrayEquals(new double[] {1.5, 2, 1234.5}, s.column("v"), 1e-12);
    }

    @Test
    void valuesThatReadBothWaysInASemicolonFileNameTheKey() {
        String f = write(dir, "a.csv", "t;v\n1;1.234\n2;2\n");
        assertEquals(f + ": '1.234' (line 2, column 'v') reads as 1.234 with a decimal point or 1234 with a decimal comma, and no value "
                + "tells which; set data.decimal to point or comma", dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR)));
        TimeSeries s = CsvSeriesReader.read(f, "t", List.of("v"), new ReadOptions(MissingPolicy.ERROR, null, DecimalMark.COMMA));
        assertArrayEquals(new double[] {1234, 2}, s.column("v"), 1e-12);
    }

    @Test
    void mixedDecimalMarksNameBothCells() {
        String f = write(dir, "m.csv", "t;v\n1;1.5\n2;2,5\n");
        assertEquals(f + ": '1.5' (line 2, column 'v') has a decimal point and '2,5' (line 3, column 'v') a decimal comma; set data.decimal "
                + "to point or comma", dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1,234\"", "1.234"})
    void inACommaFileTheDecimalPointIsTheConvention(String cell) {
        TimeSeries s = CsvSeriesReader.read(write(dir, "p.csv", "t,v\n1," + cell + "\n2,2\n"), "t", List.of("v"), MissingPolicy.ERROR);
        assertEquals(cell.startsWith("\"") ? 1234 : 1.234, s.value(0, 0), 1e-12);
    }

    // ------------------------------------------------------------ issue 11: classes 13, 17 and float32 range

    @Test
    void duplicateColumnNamesAreRefusedNamingTheColumnAndFile() {
        String f = res("duplicate-columns.csv");
        assertEquals(f + ": column name 'sales' appears twice in the header (columns 2 and 4); rename one",
                dataError(() -> read("duplicate-columns.csv", "t", List.of("cost"))));
        assertEquals(f + ": column name 'sales' appears twice in the header (columns 2 and 4); rename one",
                dataError(() -> CsvSeriesReader.header(f)));
    }

    @Test
    void integerTimesNearTheLargestLongAreADataErrorWhenForecast() {
        TimeSeries s = Csv.read(dir, "t,v\n9223372036854775805,1\n9223372036854775806,2\n", "t", "v");
        assertEquals(List.of("9223372036854775807"), s.futureTimes(1));
        String msg = dataError(() -> s.futureTimes(3));
        assertTrue(msg.contains("run past the largest integer time"), msg);
        String far = write(dir, "far.csv", "t,v\n-9223372036854775807,1\n9223372036854775806,2\n");
        assertTrue(dataError(() -> CsvSeriesReader.read(far, "t", List.of("v"), MissingPolicy.ERROR)).contains("too far apart"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e39", "1.5e308", "-1.5e308", "-3.5e38"})
    void valuesBeyondFloat32RangeAreRefusedNamingFileLineAndColumn(String cell) {
        String f = write(dir, "big.csv", "t,v\n1,1\n2," + cell + "\n");
        assertEquals(f + ": line 3, column 'v': '" + cell + "' is beyond the float32 range (magnitude up to 3.4e38) that seqcast computes "
                + "in; rescale the column", dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR)));
    }
}
