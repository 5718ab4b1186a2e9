package org.seqcast.plot;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An x axis in calendar units, so that XChart's evenly spaced "nice" ticks (1, 2, 5, 10, ... units) fall on
 * calendar boundaries: years for spans of four years and more, months from four months, days from four days,
 * hours below that. A position is the number of whole units since the epoch plus the elapsed fraction of
 * its unit (in UTC); ticks on whole units are labelled with the date ({@code 1960}, {@code 1960-07},
 * {@code 03-15}, {@code 03-15 18:00}), ticks between whole units are left unlabelled.
 */
final class CalendarAxis {
    enum Unit { YEAR, MONTH, DAY, HOUR }

    private static final long DAY_MS = 86_400_000L;
    private final Unit unit;

    CalendarAxis(long fromMillis, long toMillis) {
        long span = Math.abs(toMillis - fromMillis);
        // At least four whole units in view, so XChart's nice tick spacing is a whole number of them.
        this.unit = span >= 4 * 365L * DAY_MS ? Unit.YEAR : span >= 4 * 31 * DAY_MS ? Unit.MONTH : span >= 4 * DAY_MS ? Unit.DAY : Unit.HOUR;
    }

    Unit unit() {
        return unit;
    }

    /** The x value of an instant. */
    double x(long epochMillis) {
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
        return switch (unit) {
            case YEAR -> {
                LocalDateTime start = LocalDateTime.of(t.getYear(), 1, 1, 0, 0);
                long len = start.plusYears(1).toInstant(ZoneOffset.UTC).toEpochMilli() - start.toInstant(ZoneOffset.UTC).toEpochMilli();
                yield t.getYear() + (epochMillis - start.toInstant(ZoneOffset.UTC).toEpochMilli()) / (double) len;
            }
            case MONTH -> {
                LocalDateTime start = LocalDateTime.of(t.getYear(), t.getMonthValue(), 1, 0, 0);
                long len = start.plusMonths(1).toInstant(ZoneOffset.UTC).toEpochMilli() - start.toInstant(ZoneOffset.UTC).toEpochMilli();
                yield (t.getYear() * 12.0 + t.getMonthValue() - 1) + (epochMillis - start.toInstant(ZoneOffset.UTC).toEpochMilli()) / (double) len;
            }
            case DAY -> epochMillis / (double) DAY_MS;
            case HOUR -> epochMillis / 3_600_000.0;
        };
    }

    /** The label of a tick at {@code x}: the date of a whole unit, empty between units. */
    String label(double x) {
        double r = Math.rint(x);
        if (Math.abs(x - r) > 1e-6) {
            return "";
        }
        long k = (long) r;
        return switch (unit) {
            case YEAR -> Long.toString(k);
            case MONTH -> String.format(Locale.ROOT, "%04d-%02d", Math.floorDiv(k, 12), Math.floorMod(k, 12) + 1);
            case DAY -> LocalDateTime.ofEpochSecond(k * 86_400L, 0, ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT));
            case HOUR -> LocalDateTime.ofEpochSecond(k * 3_600L, 0, ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT));
        };
    }
}
