package org.seqcast.data;

import org.seqcast.config.MissingPolicy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqcast.data.Csv.dataError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.seqcast.data.Frequency.Unit;

/** Every file in {@code data/} loads with the frequency and size that {@code data/README.md} states. */
class BundledDataTest {
    private static TimeSeries load(String file, String time, List<String> cols, MissingPolicy missing) {
        return CsvSeriesReader.read("data/" + file, time, cols, missing);
    }

    private static boolean anyNaN(TimeSeries s) {
        return s.columns().stream().flatMapToDouble(c -> Arrays.stream(s.column(c))).anyMatch(Double::isNaN);
    }

    @Test
    void airpassengersIsMonthly144() {
        TimeSeries s = load("airpassengers.csv", "month", List.of("passengers"), MissingPolicy.ERROR);
        assertEquals(144, s.length());
        assertEquals(new Frequency(Unit.MONTH, 1), s.frequency());
        assertEquals(12, s.frequency().defaultSeason());
        assertEquals("1949-01", s.firstTime());
        assertEquals("1960-12", s.lastTime());
        assertEquals(112.0, s.value(0, 0));
        assertEquals(432.0, s.value(0, 143));
        assertEquals(List.of("1961-01", "1961-02"), s.futureTimes(2));
        assertEquals(List.of(), s.warnings());
    }

    @Test
    void sunspotsIsMonthly3177() {
        TimeSeries s = load("sunspots-monthly.csv", "month", List.of("sunspots"), MissingPolicy.ERROR);
        assertEquals(3177, s.length());
        assertEquals(new Frequency(Unit.MONTH, 1), s.frequency());
        assertEquals("2013-09", s.lastTime());
    }

    @Test
    void presidentsIsQuarterlyWithSixMissing() {
        String msg = dataError(() -> load("presidents-approval.csv", "quarter", List.of("approval"), MissingPolicy.ERROR));
        assertTrue(msg.startsWith("data/presidents-approval.csv: line 2, column 'approval': missing value; set data.missing"), msg);
        TimeSeries s = load("presidents-approval.csv", "quarter", List.of("approval"), MissingPolicy.INTERPOLATE);
        assertEquals(120, s.length());
        assertEquals(new Frequency(Unit.QUARTER, 1), s.frequency());
        assertEquals(4, s.frequency().defaultSeason());
        assertFalse(anyNaN(s));
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("6 missing values in column 'approval'")), s.warnings().toString());
        assertEquals(List.of("1975-01-01", "1975-04-01"), s.futureTimes(2));
        assertEquals(114, load("presidents-approval.csv", "quarter", List.of("approval"), MissingPolicy.DROP).length());
    }

    @Test
    void newhavenIsYearlySteps() {
        TimeSeries s = load("newhaven-temperature.csv", "year", List.of("temp_f"), MissingPolicy.ERROR);
        assertEquals(60, s.length());
        assertEquals(new Frequency(Unit.STEP, 1), s.frequency());
        assertEquals(List.of("1972"), s.futureTimes(1));
    }

    @Test
    void treeringHasNegativeYears() {
        TimeSeries s = load("treering.csv", "year", List.of("width"), MissingPolicy.ERROR);
        assertEquals(7980, s.length());
        assertEquals(new Frequency(Unit.STEP, 1), s.frequency());
        assertEquals("-6000", s.firstTime());
        assertEquals(-6000, s.index().position(0));
        assertEquals("1979", s.lastTime());
        assertEquals(List.of("1980"), s.futureTimes(1));
        assertEquals(List.of(), s.warnings());
    }

    @Test
    void airqualityIsDailyWithMissingOzoneAndSolar() {
        List<String> all = List.of("ozone", "solar_r", "wind", "temp");
        String msg = dataError(() -> load("airquality-1973.csv", "date", all, MissingPolicy.ERROR));
        assertTrue(msg.contains("column 'ozone'") || msg.contains("column 'solar_r'"), msg);
        TimeSeries s = load("airquality-1973.csv", "date", all, MissingPolicy.INTERPOLATE);
        assertEquals(153, s.length());
        assertEquals(new Frequency(Unit.DAY, 1), s.frequency());
        assertEquals(7, s.frequency().defaultSeason());
        assertFalse(anyNaN(s));
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("37 missing values in column 'ozone'")), s.warnings().toString());
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("7 missing values in column 'solar_r'")), s.warnings().toString());
        assertEquals(List.of("1973-10-01"), s.futureTimes(1));
        assertEquals(153, load("airquality-1973.csv", "date", List.of("wind", "temp"), MissingPolicy.ERROR).length());
        assertEquals(111, load("airquality-1973.csv", "date", all, MissingPolicy.DROP).length());
    }

    @Test
    void eustocksWideIs1860TradingDays() {
        TimeSeries s = load("eustocks-wide.csv", "day", List.of("DAX", "SMI", "CAC", "FTSE"), MissingPolicy.ERROR);
        assertEquals(1860, s.length());
        assertEquals(new Frequency(Unit.STEP, 1), s.frequency());
        assertEquals(List.of("1861"), s.futureTimes(1));
        assertEquals(1628.75, s.value(0, 0));
    }

    @Test
    void eustocksLongMatchesTheWideFile() {
        TimeSeries wide = load("eustocks-wide.csv", "day", List.of("DAX", "SMI", "CAC", "FTSE"), MissingPolicy.ERROR);
        List<CsvSeriesReader.Entry> entries = CsvSeriesReader.readLong("data/eustocks-long.csv", "index", "day", List.of("close"),
                MissingPolicy.ERROR);
        assertEquals(List.of("DAX", "SMI", "CAC", "FTSE"), entries.stream().map(CsvSeriesReader.Entry::id).toList());
        for (CsvSeriesReader.Entry e : entries) {
            assertNull(e.error());
            assertEquals(1860, e.series().length());
            assertArrayEquals(wide.column(e.id()), e.series().column("close"), e.id());
        }
    }

    @Test
    void goldHas34Missing() {
        String msg = dataError(() -> load("gold-daily.csv", "day", List.of("price"), MissingPolicy.ERROR));
        assertTrue(msg.startsWith("data/gold-daily.csv: line "), msg);
        TimeSeries s = load("gold-daily.csv", "day", List.of("price"), MissingPolicy.INTERPOLATE);
        assertEquals(1108, s.length());
        assertEquals(new Frequency(Unit.STEP, 1), s.frequency());
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("34 missing values in column 'price'")), s.warnings().toString());
        assertEquals(1074, load("gold-daily.csv", "day", List.of("price"), MissingPolicy.DROP).length());
    }

    /** data/README.md has one table row per bundled file, and its row counts match the files. */
    @Test
    void readmeTableNamesEveryFileWithItsRowCount() throws IOException {
        String readme = Files.readString(Path.of("data/README.md"));
        List<String> files;
        try (var list = Files.list(Path.of("data"))) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (String f : files) {
            Matcher m = Pattern.compile("(?m)^\\| " + Pattern.quote(f) + " \\| (\\d+) \\|").matcher(readme);
            assertTrue(m.find(), "data/README.md has no table row for " + f);
            long rows;
            try (var lines = Files.lines(Path.of("data", f))) {
                rows = lines.count() - 1;
            }
            assertEquals(rows, Long.parseLong(m.group(1)), f);
        }
    }
}
