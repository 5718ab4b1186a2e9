package org.seqcast.data;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the time column is written: integer steps, {@code yyyy-MM}, {@code yyyy-MM-dd}, an ISO-style
 * date-time ({@code T} or space, optional seconds, optional {@code Z}/offset), or a java.time pattern
 * ({@code data.time_format}, or a day-first/month-first form detected by {@link TimeFormats}). Parses a
 * cell to a position in the kind's own unit (step, month index, epoch day or epoch second) and formats
 * positions and calendar dates back in the same shape.
 */
final class TimeFormat {
    enum Kind { INTEGER, YEAR_MONTH, DATE, DATETIME }

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    // Years of 1 to 3 digits without a leading zero too (year 1 of a series numbered from 1, as R's Mcomp writes it: 1-12)
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4}|[1-9]\\d{0,2})-(\\d{1,2})");
    private static final Pattern DATE = Pattern.compile("(\\d{4}|[1-9]\\d{0,2})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DATETIME = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})([T ])(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");

    final Kind kind;
    private final char separator;
    private final boolean seconds;
    private final String zone;
    private final ZoneOffset offset;
    /** A java.time pattern (data.time_format or a detected day/month form); null for the ISO shapes above. */
    private final String pattern;
    private final DateTimeFormatter formatter;
    private final boolean patternHasOffset;

    private TimeFormat(Kind kind, char separator, boolean seconds, String zone) {
        this.kind = kind;
        this.separator = separator;
        this.seconds = seconds;
        this.zone = zone;
        this.offset = zone == null || zone.isEmpty() ? ZoneOffset.UTC : ZoneOffset.of(zone.equals("Z") ? "Z" : normalise(zone));
        this.pattern = null;
        this.formatter = null;
        this.patternHasOffset = false;
    }

    private TimeFormat(String pattern, DateTimeFormatter formatter, Kind kind, boolean hasOffset, ZoneOffset offset) {
        this.kind = kind;
        this.separator = ' ';
        this.seconds = false;
        this.zone = null;
        this.offset = offset;
        this.pattern = pattern;
        this.formatter = formatter;
        this.patternHasOffset = hasOffset;
    }

    private static String normalise(String z) {
        return z.length() == 5 ? z.substring(0, 3) + ":" + z.substring(3) : z;
    }

    /** Detects an ISO-style format from a sample value; null when it is none of the supported shapes. */
    static TimeFormat detect(String v) {
        if (INTEGER.matcher(v).matches()) {
            return new TimeFormat(Kind.INTEGER, 'T', false, null);
        }
        if (YEAR_MONTH.matcher(v).matches()) {
            return new TimeFormat(Kind.YEAR_MONTH, 'T', false, null);
        }
        if (DATE.matcher(v).matches()) {
            return new TimeFormat(Kind.DATE, 'T', false, null);
        }
        Matcher m = DATETIME.matcher(v);
        if (m.matches()) {
            try {
                return new TimeFormat(Kind.DATETIME, m.group(4).charAt(0), m.group(7) != null, m.group(8));
            } catch (DateTimeException e) {
                return null; // an offset out of range, e.g. +25:00
            }
        }
        return null;
    }

    /**
     * A format from a java.time pattern ({@code dd.MM.yyyy}, {@code MM/dd/yyyy HH:mm}, {@code yyyy}, ...);
     * IllegalArgumentException with the reason when the pattern is invalid or names no year.
     */
    static TimeFormat ofPattern(String pattern) {
        DateTimeFormatter f;
        try {
            f = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                    .parseDefaulting(ChronoField.ERA, 1).toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a java.time pattern (" + e.getMessage() + ")");
        }
        String letters = pattern.replaceAll("'[^']*'", "");
        if (!letters.contains("y") && !letters.contains("u")) {
            throw new IllegalArgumentException("it names no year (use yyyy)");
        }
        Kind kind;
        if (letters.matches(".*[HhkKm].*")) {
            kind = Kind.DATETIME;
        } else if (letters.contains("d")) {
            kind = Kind.DATE;
        } else if (letters.contains("M") || letters.contains("L")) {
            kind = Kind.YEAR_MONTH;
        } else {
            kind = Kind.YEAR_MONTH; // a year alone: January of that year
        }
        boolean offset = letters.matches(".*[XxZO].*");
        return new TimeFormat(pattern, f, kind, offset, ZoneOffset.UTC);
    }

    /** The same pattern format, writing times at {@code offset} (the offset of the series' last row). */
    private TimeFormat withOffset(ZoneOffset o) {
        return new TimeFormat(pattern, formatter, kind, patternHasOffset, o);
    }

    /** True when a date-time value carries a UTC offset or Z. */
    boolean hasZone(String v) {
        if (pattern != null) {
            return patternHasOffset;
        }
        Matcher m = DATETIME.matcher(v);
        return m.matches() && m.group(8) != null;
    }

    /** True when this format writes an offset (so a position's wall-clock time depends on it). */
    boolean zoned() {
        return pattern != null ? patternHasOffset : zone != null;
    }

    String describe() {
        if (pattern != null) {
            return pattern;
        }
        return switch (kind) {
            case INTEGER -> "an integer step";
            case YEAR_MONTH -> "yyyy-MM";
            case DATE -> "yyyy-MM-dd";
            case DATETIME -> "yyyy-MM-dd" + separator + "HH:mm" + (seconds ? ":ss" : "") + (zone == null ? "" : zone);
        };
    }

    /** The java.time pattern, or null for the ISO shapes. */
    String pattern() {
        return pattern;
    }

    /** The offset wall-clock times are shown at: the first row's (ISO) or UTC. */
    ZoneOffset offset() {
        return offset;
    }

    /**
     * Position of a value: INTEGER the value, YEAR_MONTH year*12+month-1, DATE the epoch day, DATETIME the
     * epoch second. Throws IllegalArgumentException when the value does not parse in this format.
     */
    long parse(String v) {
        if (pattern != null) {
            return parsePattern(v);
        }
        switch (kind) {
            case INTEGER -> {
                return Long.parseLong(v); // NumberFormatException is an IllegalArgumentException
            }
            case YEAR_MONTH -> {
                Matcher m = YEAR_MONTH.matcher(v);
                if (!m.matches()) {
                    throw new IllegalArgumentException(v);
                }
                int month = Integer.parseInt(m.group(2));
                if (month < 1 || month > 12) {
                    throw new IllegalArgumentException(v);
                }
                return Long.parseLong(m.group(1)) * 12 + month - 1;
            }
            case DATE -> {
                if (v.length() == 10 && v.charAt(4) == '-' && v.charAt(7) == '-') {
                    return LocalDate.of(digits(v, 0, 4), digits(v, 5, 7), digits(v, 8, 10)).toEpochDay();
                }
                Matcher m = DATE.matcher(v);
                if (!m.matches()) {
                    throw new IllegalArgumentException(v);
                }
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))).toEpochDay();
            }
            default -> {
                // Fast path for the common zone-less shapes yyyy-MM-ddTHH:mm and yyyy-MM-ddTHH:mm:ss.
                int len = v.length();
                if ((len == 16 || (len == 19 && v.charAt(16) == ':')) && v.charAt(4) == '-' && v.charAt(7) == '-'
                        && (v.charAt(10) == 'T' || v.charAt(10) == ' ') && v.charAt(13) == ':') {
                    return LocalDateTime.of(digits(v, 0, 4), digits(v, 5, 7), digits(v, 8, 10), digits(v, 11, 13), digits(v, 14, 16),
                            len == 19 ? digits(v, 17, 19) : 0).toEpochSecond(ZoneOffset.UTC);
                }
                Matcher m = DATETIME.matcher(v);
                if (!m.matches()) {
                    throw new IllegalArgumentException(v);
                }
                LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), m.group(7) == null ? 0 : Integer.parseInt(m.group(7)));
                ZoneOffset off = m.group(8) == null ? ZoneOffset.UTC
                        : ZoneOffset.of(m.group(8).equals("Z") ? "Z" : normalise(m.group(8)));
                return t.toEpochSecond(off);
            }
        }
    }

    private long parsePattern(String v) {
        TemporalAccessor t;
        try {
            t = formatter.parse(v);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(v, e);
        }
        switch (kind) {
            case DATETIME -> {
                LocalDateTime ldt = LocalDateTime.of(LocalDate.from(t), java.time.LocalTime.from(t));
                ZoneOffset o = t.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(t) : ZoneOffset.UTC;
                return ldt.toEpochSecond(o);
            }
            case DATE -> {
                return LocalDate.from(t).toEpochDay();
            }
            default -> {
                int year = t.get(ChronoField.YEAR);
                int month = t.isSupported(ChronoField.MONTH_OF_YEAR) ? t.get(ChronoField.MONTH_OF_YEAR) : 1;
                return year * 12L + month - 1;
            }
        }
    }

    /** The offset written in a value of a pattern format with an offset (UTC otherwise). */
    private ZoneOffset offsetOf(String v) {
        try {
            TemporalAccessor t = formatter.parse(v);
            return t.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(t) : ZoneOffset.UTC;
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** The format to continue a series whose last row is {@code lastLabel} (same shape and offset). */
    TimeFormat continuing(String lastLabel) {
        if (kind != Kind.DATETIME) {
            return this;
        }
        if (pattern != null) {
            return patternHasOffset ? withOffset(offsetOf(lastLabel)) : this;
        }
        TimeFormat f = detect(lastLabel);
        return f != null && f.kind == Kind.DATETIME ? f : this;
    }

    /** The decimal digits {@code v[from, to)}; IllegalArgumentException when one is not a digit. */
    private static int digits(String v, int from, int to) {
        int x = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(v);
            }
            x = x * 10 + (c - '0');
        }
        return x;
    }

    /** Formats a position (in the kind's own unit) back in this format's shape. */
    String format(long pos) {
        if (pattern != null) {
            return switch (kind) {
                case DATETIME -> formatter.format(LocalDateTime.ofEpochSecond(pos, 0, offset).atOffset(offset));
                case DATE -> formatter.format(LocalDate.ofEpochDay(pos));
                case YEAR_MONTH -> formatter.format(YearMonth.of(Math.toIntExact(Math.floorDiv(pos, 12)), (int) Math.floorMod(pos, 12) + 1)
                        .atDay(1));
                case INTEGER -> Long.toString(pos);
            };
        }
        switch (kind) {
            case INTEGER:
                return Long.toString(pos);
            case YEAR_MONTH:
                return String.format(Locale.ROOT, "%04d-%02d", Math.floorDiv(pos, 12), Math.floorMod(pos, 12) + 1);
            case DATE:
                return LocalDate.ofEpochDay(pos).toString();
            default:
                LocalDateTime t = LocalDateTime.ofEpochSecond(pos, 0, offset);
                String s = String.format(Locale.ROOT, "%04d-%02d-%02d%c%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                        separator, t.getHour(), t.getMinute());
                if (seconds) {
                    s += String.format(Locale.ROOT, ":%02d", t.getSecond());
                }
                return zone == null ? s : s + zone;
        }
    }

    /** Formats a calendar date (month-stepped or business-day series) in this shape: midnight for date-times. */
    String formatDate(LocalDate d) {
        return switch (kind) {
            case YEAR_MONTH -> format(d.getYear() * 12L + d.getMonthValue() - 1);
            case DATE -> format(d.toEpochDay());
            case DATETIME -> format(d.atStartOfDay().toEpochSecond(offset));
            case INTEGER -> throw new IllegalStateException("integer steps have no dates");
        };
    }

    /** The wall-clock date-time written in a DATETIME value (its own offset ignored); IllegalArgumentException if none. */
    LocalDateTime local(String v) {
        if (pattern != null) {
            try {
                TemporalAccessor t = formatter.parse(v);
                return LocalDateTime.of(LocalDate.from(t), java.time.LocalTime.from(t));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(v, e);
            }
        }
        Matcher m = DATETIME.matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException(v);
        }
        return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), m.group(7) == null ? 0 : Integer.parseInt(m.group(7)));
    }
}
