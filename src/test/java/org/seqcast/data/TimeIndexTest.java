package org.seqcast.data;

import org.seqcast.config.MissingPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.junit.jupiter.params.provider.CsvSource;
import org.seqcast.data.Frequency.Unit;

/** Time formats, inferred frequency and {@code futureTimes} in the input's textual shape. */
class TimeIndexTest {
    @TempDir
    Path dir;

    private TimeSeries times(String... t) {
        return Csv.times(dir, t);
    }

    @Test
    void yearMonthIsMonthlyAndContinuesAcrossTheYear() {
        TimeSeries s = times("1960-10", "1960-11", "1960-12");
        assertEquals(new Frequency(Unit.MONTH, 1), s.frequency());
        assertEquals(12, s.frequency().defaultSeason());
        assertEquals(List.of("1961-01", "1961-02", "1961-03"), s.futureTimes(3));
        assertEquals("yyyy-MM", s.index().formatDescription());
    }

    @Test
    void singleDigitMonthsAreReadAndFutureIsPadded() {
        TimeSeries s = times("2020-8", "2020-9");
        assertEquals(List.of("2020-10"), s.futureTimes(1));
    }

    @Test
    void yearMonthEveryTwelveIsYearly() {
        assertEquals(new Frequency(Unit.YEAR, 1), times("2001-06", "2002-06", "2003-06").frequency());
    }

    @Test
    void datesAreDailyWithSeasonSeven() {
        TimeSeries s = times("2020-02-27", "2020-02-28", "2020-02-29");
        assertEquals(new Frequency(Unit.DAY, 1), s.frequency());
        assertEquals(7, s.frequency().defaultSeason());
        assertEquals(List.of("2020-03-01", "2020-03-02"), s.futureTimes(2));
    }

    @Test
    void quarterlyDatesContinueByQuarter() {
        TimeSeries s = times("1974-01-01", "1974-04-01", "1974-07-01", "1974-10-01");
        assertEquals(new Frequency(Unit.QUARTER, 1), s.frequency());
        assertEquals(4, s.frequency().defaultSeason());
        assertEquals(List.of("1975-01-01", "1975-04-01"), s.futureTimes(2));
    }

    @Test
    void monthlyDatesKeepTheirDay() {
        TimeSeries s = times("2020-01-15", "2020-02-15", "2020-03-15");
        assertEquals(new Frequency(Unit.MONTH, 1), s.frequency());
        assertEquals(List.of("2020-04-15", "2020-05-15"), s.futureTimes(2));
    }

    @Test
    void monthEndDatesStayAtMonthEnd() {
        TimeSeries s = times("2020-01-31", "2020-02-29", "2020-03-31", "2020-04-30");
        assertEquals(new Frequency(Unit.MONTH, 1), s.frequency());
        assertEquals(List.of("2020-05-31", "2020-06-30", "2020-07-31"), s.futureTimes(3));
    }

    @Test
    void yearlyDatesAreYearly() {
        TimeSeries s = times("1970-01-01", "1971-01-01", "1972-01-01");
        assertEquals(new Frequency(Unit.YEAR, 1), s.frequency());
        assertEquals(List.of("1973-01-01"), s.futureTimes(1));
    }

    @Test
    void weeklyDatesAreWeekly() {
        TimeSeries s = times("2020-01-06", "2020-01-13", "2020-01-20");
        assertEquals(new Frequency(Unit.WEEK, 1), s.frequency());
        assertEquals(1, s.frequency().defaultSeason());
        assertEquals(List.of("2020-01-27"), s.futureTimes(1));
    }

    @Test
    void halfHourlyDateTimesHaveSeason48() {
        TimeSeries s = times("2020-01-01T00:00", "2020-01-01T00:30", "2020-01-01T01:00");
        assertEquals(new Frequency(Unit.MINUTE, 30), s.frequency());
        assertEquals(48, s.frequency().defaultSeason());
        assertEquals(List.of("2020-01-01T01:30", "2020-01-01T02:00"), s.futureTimes(2));
    }

    @Test
    void hourlyWithSpaceAndSecondsKeepsTheirShape() {
        TimeSeries s = times("2020-12-31 22:00:00", "2020-12-31 23:00:00");
        assertEquals(new Frequency(Unit.HOUR, 1), s.frequency());
        assertEquals(24, s.frequency().defaultSeason());
        assertEquals(List.of("2021-01-01 00:00:00", "2021-01-01 01:00:00"), s.futureTimes(2));
    }

    @Test
    void zuluZoneIsKept() {
        TimeSeries s = times("2020-01-01T00:00:00Z", "2020-01-01T00:15:00Z");
        assertEquals(new Frequency(Unit.MINUTE, 15), s.frequency());
        assertEquals(96, s.frequency().defaultSeason());
        assertEquals(List.of("2020-01-01T00:30:00Z"), s.futureTimes(1));
    }

    @Test
    void offsetIsKeptAsWritten() {
        assertEquals(List.of("2020-01-01T03:00+01:00"), times("2020-01-01T01:00+01:00", "2020-01-01T02:00+01:00").futureTimes(1));
        assertEquals(List.of("2020-01-01T03:00-0500"), times("2020-01-01T01:00-0500", "2020-01-01T02:00-0500").futureTimes(1));
    }

    @Test
    void futureTimesTakeTheOffsetOfTheLastRow() {
        // Daylight saving begins between the rows: the next times are in summer time.
        TimeSeries s = times("2020-03-29T01:00+01:00", "2020-03-29T03:00+02:00");
        assertEquals(new Frequency(Unit.HOUR, 1), s.frequency());
        assertEquals(List.of("2020-03-29T04:00+02:00"), s.futureTimes(1));
    }

    @Test
    void sixHourlyAndDailyDateTimes() {
        assertEquals(new Frequency(Unit.HOUR, 6), times("2020-01-01T00:00", "2020-01-01T06:00", "2020-01-01T12:00").frequency());
        TimeSeries d = times("2020-01-01T00:00", "2020-01-02T00:00");
        assertEquals(new Frequency(Unit.DAY, 1), d.frequency());
        assertEquals(List.of("2020-01-03T00:00"), d.futureTimes(1));
    }

    @Test
    void integerStepsMayBeNegative() {
        TimeSeries s = times("-2", "-1", "0", "1");
        assertEquals(new Frequency(Unit.STEP, 1), s.frequency());
        assertEquals(1, s.frequency().defaultSeason());
        assertEquals(List.of("2", "3"), s.futureTimes(2));
        assertEquals(-2, s.index().position(0));
    }

    @Test
    void integerStepMultiple() {
        TimeSeries s = times("1850", "1860", "1870");
        assertEquals(new Frequency(Unit.STEP, 10), s.frequency());
        assertEquals(List.of("1880"), s.futureTimes(1));
    }

    @Test
    void tradingDayStepContinues() {
        TimeSeries s = times("1859", "1860");
        assertEquals(List.of("1861", "1862"), s.futureTimes(2));
    }

    @Test
    void aSingleRowHasADefaultFrequency() {
        TimeSeries s = times("2020-03");
        assertEquals(new Frequency(Unit.MONTH, 1), s.frequency());
        assertEquals(List.of("2020-04"), s.futureTimes(1));
    }

    @Test
    void futureTimesRejectsANegativeHorizon() {
        TimeSeries s = times("1", "2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.futureTimes(-1));
        assertEquals("Invalid horizon = -1", e.getMessage());
        assertEquals(List.of(), s.futureTimes(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2020-01|2020-1x",
        "2020-01|2020-13",
        "2020-01-30|2020-02-30",
        "2020-01-01|2020/01/02",
        "2020-01-01T00:00|2020-01-01T25:00",
        "2020-01-01T00:00|2020-01-01T0a:00",
        "2020-01-01 00:00:00|2020-01-01 00:00:0x",
        "2020-01-01|2020-0a-01",
        "2020-01-01T00:00|2020-01-01",
        "1|1.5",
        "1|''",
    })
    void aCellNotInTheDetectedFormatNamesFileLineAndValue(String first, String bad) {
        String f = write(dir, "t.csv", "t,v\n" + first + ",1\n" + bad + ",2\n");
        String msg = dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR));
        assertTrue(msg.startsWith(f + ": line 3, column 't': '" + bad + "' is not a time"), msg);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Jan 2020", "2020-01-01T00:00+25:00", "2020-13", "yesterday"})
    void anUnknownTimeInTheFirstRowIsAnError(String first) {
        String f = write(dir, "t.csv", "t,v\n" + first + ",1\n");
        String msg = dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR));
        assertTrue(msg.startsWith(f + ": line 2, column 't': '" + first + "' is not a time"), msg);
    }

    @Test
    void subMinuteStepsAreRejectedWithTheStep() {
        String f = write(dir, "t.csv", "t,v\n2020-01-01T00:00:00,1\n2020-01-01T00:00:10,2\n2020-01-01T00:00:20,2\n");
        String msg = dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR));
        assertTrue(msg.contains("10 seconds"), msg);
    }

    @Test
    void hugeIntegerStepsAreAnErrorNotACrash() {
        String f = write(dir, "t.csv", "t,v\n0,1\n10000000000,2\n");
        assertEquals(f + ": the most common step between integer times is 10000000000; it must be between 1 and 2147483647",
                dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR)));
    }

    @Test
    void labelsAreKeptAsWritten() {
        TimeSeries s = times("2020-1-5", "2020-1-6");
        assertEquals(List.of("2020-1-5", "2020-1-6"), labels(s));
        assertEquals("2020-1-5", s.firstTime());
        assertEquals("2020-1-6", s.lastTime());
        assertEquals(List.of("2020-01-07"), s.futureTimes(1));
    }
}
