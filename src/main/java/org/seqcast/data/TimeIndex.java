package org.seqcast.data;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.seqcast.SeqcastException;

/**
 * The time column of a series: one position per row (in the frequency's own terms: steps, months,
 * days or seconds), the labels as written in the file, and how to write the times that follow.
 */
public final class TimeIndex {
    /** What a position counts when the format's own unit is not the series' step. */
    enum Stepping {
        /** The format's unit: steps, months (yyyy-MM), epoch days or epoch seconds. */
        NATIVE,
        /** Months ({@code year * 12 + month - 1}) of dates or midnight date-times on one day of the month. */
        MONTHS,
        /** Monday-to-Friday days counted from Monday 1970-01-05 (weekends are not in the index). */
        BUSINESS_DAYS
    }

    private static final long FIRST_MONDAY = 4; // 1970-01-05 as an epoch day

    private final TimeFormat format;
    private final Stepping stepping;
    private final int dayOfMonth;
    private final long step;
    private final long[] positions;
    private final String[] labels;

    TimeIndex(TimeFormat format, Stepping stepping, int dayOfMonth, long step, long[] positions, String[] labels) {
        this.format = format;
        this.stepping = stepping;
        this.dayOfMonth = dayOfMonth;
        this.step = step;
        this.positions = positions;
        this.labels = labels;
    }

    public int size() {
        return positions.length;
    }

    /** The time of row {@code i} as written in the file (or generated like it for inserted rows). */
    public String label(int i) {
        return labels[i];
    }

    /** Position of row {@code i} in step units of the format (months, days, seconds, or the integer). */
    public long position(int i) {
        return positions[i];
    }

    /** Distance between consecutive regular rows, in position units. */
    public long step() {
        return step;
    }

    /** Position of row {@code i}, continuing the frequency past the last row for {@code i >= size()}. */
    public long positionAt(int i) {
        if (i < 0) {
            throw new IllegalArgumentException("Invalid row = " + i);
        }
        if (i < positions.length) {
            return positions[i];
        }
        try {
            return Math.addExact(positions[positions.length - 1], Math.multiplyExact((long) (i - positions.length + 1), step));
        } catch (ArithmeticException e) {
            throw SeqcastException.data("the times after " + labels[labels.length - 1] + " run past the largest integer time ("
                    + Long.MAX_VALUE + "); renumber the time column from a smaller start");
        }
    }

    /** Business-day index of a weekday's epoch day. */
    static long businessDay(long epochDay) {
        long d = epochDay - FIRST_MONDAY;
        return Math.floorDiv(d, 7) * 5 + Math.min(Math.floorMod(d, 7), 4);
    }

    /** Epoch day of a business-day index. */
    static long epochDayOfBusinessDay(long b) {
        return FIRST_MONDAY + Math.floorDiv(b, 5) * 7 + Math.floorMod(b, 5);
    }

    static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The calendar date of a month or business-day position. */
    private LocalDate date(long position) {
        if (stepping == Stepping.BUSINESS_DAYS) {
            return LocalDate.ofEpochDay(epochDayOfBusinessDay(position));
        }
        LocalDate first = LocalDate.of(Math.toIntExact(Math.floorDiv(position, 12)), (int) Math.floorMod(position, 12) + 1, 1);
        return first.withDayOfMonth(Math.min(dayOfMonth, first.lengthOfMonth()));
    }

    /**
     * The seasonal phase of row {@code i} (or a row past the end) for a season of {@code m} steps:
     * {@code floorMod(floorDiv(position, step), m)}, taken from the time itself rather than the row number,
     * so it lines up with the calendar whatever row a file starts at (monthly m = 12: the month of the
     * year, 0 = January; quarterly m = 4: the quarter; daily m = 7: the weekday; half-hourly m = 48: the
     * half hour of the day, in the positions' time zone).
     */
    public int phase(int i, int m) {
        if (m < 1) {
            throw new IllegalArgumentException("Invalid season = " + m);
        }
        return (int) Math.floorMod(Math.floorDiv(positionAt(i), step), (long) m);
    }

    /** True when positions are calendar times (months, days, seconds), false for plain integer steps. */
    public boolean isCalendar() {
        return format.kind != TimeFormat.Kind.INTEGER;
    }

    /**
     * A position as epoch milliseconds (UTC; months at their first day), for calendar indexes; the
     * position itself for integer steps.
     */
    public long epochMillis(long position) {
        if (stepping == Stepping.BUSINESS_DAYS) {
            return epochDayOfBusinessDay(position) * 86_400_000L;
        }
        boolean months = format.kind == TimeFormat.Kind.YEAR_MONTH || stepping == Stepping.MONTHS;
        if (months) {
            return java.time.LocalDate.of((int) Math.floorDiv(position, 12), (int) Math.floorMod(position, 12) + 1, 1)
                    .atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        return switch (format.kind) {
            case DATE -> position * 86_400_000L;
            case DATETIME -> position * 1000L;
            default -> position;
        };
    }

    /** The java.time pattern of the time column when it is not an ISO form (data.time_format or detected); null otherwise. */
    public String timePattern() {
        return format.pattern();
    }

    /** The description of the time format, e.g. {@code yyyy-MM}. */
    public String formatDescription() {
        return format.describe();
    }

    String format(long position) {
        return format(format, position);
    }

    private String format(TimeFormat f, long position) {
        return stepping == Stepping.NATIVE ? f.format(position) : f.formatDate(date(position));
    }

    /** The {@code h} times after the last row, continuing the frequency, formatted like the input. */
    public List<String> future(int h) {
        if (h < 0) {
            throw new IllegalArgumentException("Invalid horizon = " + h);
        }
        if (positions.length == 0) {
            throw new IllegalStateException("empty index");
        }
        List<String> out = new ArrayList<>(h);
        int lastRow = positions.length - 1;
        // Date-times continue in the shape and offset of the last row (the offset may change, e.g. at daylight saving).
        TimeFormat shape = format.continuing(labels[lastRow]);
        for (int k = 1; k <= h; k++) {
            long p = positionAt(lastRow + k);
            try {
                out.add(format(shape, p));
            } catch (DateTimeException | ArithmeticException e) {
                throw SeqcastException.data("the " + h + " times after " + labels[lastRow] + " run past the last supported date ("
                        + LocalDate.MAX.getYear() + ")");
            }
        }
        return out;
    }

    /**
     * The number of rows at or before {@code time} (a label in this index's format, e.g. a model's
     * training end), or -1 when {@code time} cannot be read in this format.
     */
    public int rowsThrough(String time) {
        for (int i = labels.length - 1; i >= 0; i--) {
            if (labels[i].equals(time)) {
                return i + 1;
            }
        }
        if (stepping == Stepping.MONTHS) {
            return -1; // positions count months; a day label of another day of the month has no exact place
        }
        long p;
        try {
            p = format.parse(time);
            if (stepping == Stepping.BUSINESS_DAYS) {
                LocalDate d = format.kind == TimeFormat.Kind.DATE ? LocalDate.ofEpochDay(p)
                        : format.local(time).toLocalDate();
                // A weekend day counts as the Friday before it.
                p = businessDay(d.toEpochDay() - (isWeekend(d) ? d.getDayOfWeek().getValue() - 5 : 0));
            }
        } catch (RuntimeException e) {
            return -1;
        }
        int lo = 0;
        int hi = positions.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (positions[mid] <= p) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    TimeIndex slice(int from, int to) {
        return new TimeIndex(format, stepping, dayOfMonth, step, Arrays.copyOfRange(positions, from, to),
                Arrays.copyOfRange(labels, from, to));
    }
}
