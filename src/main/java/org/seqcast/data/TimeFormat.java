package org.seqcast.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the time column is written, detected from its first value: integer steps, {@code yyyy-MM},
 * {@code yyyy-MM-dd}, or an ISO-style date-time ({@code T} or space, optional seconds, optional
 * {@code Z}/offset). Parses a cell to a position (step, month index, epoch day or epoch second) and
 * formats positions back in the same shape.
 */
final class TimeFormat {
    enum Kind { INTEGER, YEAR_MONTH, DATE, DATETIME }

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DATETIME = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})([T ])(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");

    final Kind kind;
    private final char separator;
    private final boolean seconds;
    private final String zone;
    private final ZoneOffset offset;

    private TimeFormat(Kind kind, char separator, boolean seconds, String zone) {
        this.kind = kind;
        this.separator = separator;
        this.seconds = seconds;
        this.zone = zone;
        this.offset = zone == null || zone.isEmpty() ? ZoneOffset.UTC : ZoneOffset.of(zone.equals("Z") ? "Z" : normalise(zone));
    }

    private static String normalise(String z) {
        return z.length() == 5 ? z.substring(0, 3) + ":" + z.substring(3) : z;
    }

    /** Detects the format from a sample value; null when it is none of the supported shapes. */
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
            } catch (java.time.DateTimeException e) {
                return null; // an offset out of range, e.g. +25:00
            }
        }
        return null;
    }

    String describe() {
        return switch (kind) {
            case INTEGER -> "an integer step";
            case YEAR_MONTH -> "yyyy-MM";
            case DATE -> "yyyy-MM-dd";
            case DATETIME -> "yyyy-MM-dd" + separator + "HH:mm" + (seconds ? ":ss" : "") + (zone == null ? "" : zone);
        };
    }

    /**
     * Position of a value: INTEGER the value, YEAR_MONTH year*12+month-1, DATE the epoch day, DATETIME the
     * epoch second. Throws IllegalArgumentException when the value does not parse in this format.
     */
    long parse(String v) {
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

    /** Formats a position back in this format's shape. {@code dayOfMonth} is used for month-stepped dates. */
    String format(long pos, boolean monthStepped, int dayOfMonth) {
        switch (kind) {
            case INTEGER:
                return Long.toString(pos);
            case YEAR_MONTH:
                return String.format(Locale.ROOT, "%04d-%02d", Math.floorDiv(pos, 12), Math.floorMod(pos, 12) + 1);
            case DATE:
                if (monthStepped) {
                    LocalDate first = LocalDate.of((int) Math.floorDiv(pos, 12), (int) Math.floorMod(pos, 12) + 1, 1);
                    return first.withDayOfMonth(Math.min(dayOfMonth, first.lengthOfMonth())).toString();
                }
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
}
