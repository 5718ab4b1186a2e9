package org.seqcast.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TimeIndex#phase}: the position in the season comes from the time, in line with the calendar, not from the row number. */
class SeasonPhaseTest {
    @TempDir
    Path dir;

    private TimeSeries times(String... t) {
        return Csv.times(dir, t);
    }

    private static int[] phases(TimeSeries s, int m, int rows) {
        int[] p = new int[rows];
        for (int i = 0; i < rows; i++) {
            p[i] = s.index().phase(i, m);
        }
        return p;
    }

    @Test
    void monthlyPhaseIsTheMonthOfTheYear() {
        TimeSeries s = times("1960-03", "1960-04", "1960-05");
        assertEquals(2, s.index().phase(0, 12), "March");
        assertEquals(4, s.index().phase(2, 12), "May");
        assertEquals(0, s.index().phase(10, 12), "past the end: 1961-01");
    }

    @Test
    void monthlyPhaseIsTheSameForTheSameMonthInAnotherFile() {
        TimeSeries a = times("1949-01", "1949-02", "1949-03", "1949-04");
        TimeSeries b = times("1955-03", "1955-04");
        assertEquals(a.index().phase(2, 12), b.index().phase(0, 12));
    }

    @Test
    void monthEndDatesAreMonthly() {
        TimeSeries s = times("2020-01-31", "2020-02-29", "2020-03-31");
        assertEquals(new Frequency(Frequency.Unit.MONTH, 1), s.frequency());
        assertEquals(1, s.index().phase(1, 12));
    }

    @Test
    void quarterlyPhaseIsTheQuarter() {
        TimeSeries s = times("2000-04", "2000-07", "2000-10", "2001-01");
        assertEquals(new Frequency(Frequency.Unit.QUARTER, 1), s.frequency());
        assertEquals(4, s.frequency().defaultSeason());
        assertEquals(1, s.index().phase(0, 4));
        assertEquals(2, s.index().phase(1, 4));
        assertEquals(3, s.index().phase(2, 4));
        assertEquals(0, s.index().phase(3, 4));
        // quarters dated by their middle month line up too
        assertEquals(1, times("1999-05", "1999-08").index().phase(0, 4));
    }

    @Test
    void dailyPhaseOfSevenIsTheWeekday() {
        TimeSeries mondays = times("2024-01-01", "2024-01-02", "2024-01-03");
        TimeSeries later = times("2024-03-04", "2024-03-05"); // also a Monday
        assertEquals(mondays.index().phase(0, 7), later.index().phase(0, 7));
        assertEquals((mondays.index().phase(0, 7) + 1) % 7, mondays.index().phase(1, 7));
        assertEquals(mondays.index().phase(0, 7), mondays.index().phase(7, 7), "a week after the first row");
        // before the epoch (negative positions) the weekdays still line up: 1969-12-29 was a Monday
        assertEquals(mondays.index().phase(0, 7), times("1969-12-29", "1969-12-30").index().phase(0, 7));
    }

    @Test
    void halfHourlyPhaseOfFortyEightIsTheHalfHourOfTheDay() {
        TimeSeries s = times("2021-06-01T13:30", "2021-06-01T14:00", "2021-06-01T14:30");
        assertEquals(new Frequency(Frequency.Unit.MINUTE, 30), s.frequency());
        assertEquals(48, s.frequency().defaultSeason());
        assertEquals(27, s.index().phase(0, 48));
        assertEquals(28, s.index().phase(1, 48));
        assertEquals(0, s.index().phase(21, 48), "midnight");
    }

    @Test
    void integerStepsUseTheValueOverTheStep() {
        TimeSeries s = times("10", "12", "14");
        assertEquals(1, s.index().phase(0, 4)); // 10 / 2 = 5
        assertEquals(2, s.index().phase(1, 4));
    }

    @Test
    void seasonBelowOneIsRefused() {
        TimeSeries s = times("2000-01", "2000-02");
        assertThrows(IllegalArgumentException.class, () -> s.index().phase(0, 0));
    }

    @Test
    void phasesRunThroughTheSeason() {
        TimeSeries s = times("2000-11", "2000-12", "2001-01");
        assertEquals(java.util.List.of(10, 11, 0, 1), java.util.Arrays.stream(phases(s, 12, 4)).boxed().toList());
    }
}
