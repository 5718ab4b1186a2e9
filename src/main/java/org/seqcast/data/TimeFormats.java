package org.seqcast.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.seqcast.SeqcastException;

/**
 * Chooses the format of a time column: {@code data.time_format} when set; else the ISO shape of the first
 * value; else the day-first and month-first readings of forms like {@code 31.01.2020}, {@code 1/31/2020 0:00}
 * or {@code 2020/01/31}, keeping the one under which every value parses, and, when both do, the one under
 * which the times are evenly spaced. When that still leaves two, the error names both patterns and the key.
 */
final class TimeFormats {
    /** d.M.y, d/M/y, d-M-y (or month first), optional time with optional seconds and AM/PM. */
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4})(?:([ T])(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?: ?([AaPp][Mm]))?)?");
    /** y/M/d, y.M.d with the same optional time. */
    private static final Pattern YEAR_FIRST = Pattern.compile(
            "(\\d{4})([./])(\\d{1,2})\\2(\\d{1,2})(?:([ T])(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?: ?([AaPp][Mm]))?)?");

    private TimeFormats() {
    }

    static final String SUPPORTED = "yyyy-MM, yyyy-MM-dd, an ISO date-time (yyyy-MM-ddTHH:mm[:ss]), dd.MM.yyyy, MM/dd/yyyy [HH:mm[:ss]] "
            + "or an integer step, or set data.time_format to a java.time pattern";

    static TimeFormat choose(String source, String timeColumn, List<CsvSeriesReader.RawRow> rows, String configured) {
        CsvSeriesReader.RawRow first = rows.get(0);
        if (configured != null) {
            try {
                return TimeFormat.ofPattern(configured);
            } catch (IllegalArgumentException e) {
                throw SeqcastException.config("data.time_format: '" + configured + "' is " + e.getMessage()
                        + "; write it like dd.MM.yyyy or MM/dd/yyyy HH:mm");
            }
        }
        TimeFormat iso = TimeFormat.detect(first.time());
        if (iso != null) {
            return iso;
        }
        List<String> patterns = candidates(rows);
        if (patterns.isEmpty()) {
            throw SeqcastException.data(String.format(Locale.ROOT, "%s: line %d, column '%s': '%s' is not a time; use %s", source,
                    first.line(), timeColumn, first.time(), SUPPORTED));
        }
        List<TimeFormat> parsing = new ArrayList<>();
        List<long[]> positions = new ArrayList<>();
        CsvSeriesReader.RawRow failed = null;
        for (String p : patterns) {
            TimeFormat f = TimeFormat.ofPattern(p);
            long[] pos = new long[rows.size()];
            boolean ok = true;
            for (int i = 0; i < pos.length && ok; i++) {
                try {
                    pos[i] = f.parse(rows.get(i).time());
                } catch (IllegalArgumentException e) {
                    ok = false;
                    if (failed == null || rows.get(i).line() > failed.line()) {
                        failed = rows.get(i);
                    }
                }
            }
            if (ok) {
                parsing.add(f);
                positions.add(pos);
            }
        }
        if (parsing.isEmpty()) {
            throw SeqcastException.data(String.format(Locale.ROOT, "%s: line %d, column '%s': '%s' is not a time in the form of the first "
                    + "row ('%s' read as %s); set data.time_format", source, failed.line(), timeColumn, failed.time(), first.time(),
                    String.join(" or ", patterns)));
        }
        if (parsing.size() == 1) {
            return parsing.get(0);
        }
        List<TimeFormat> regular = new ArrayList<>();
        for (int k = 0; k < parsing.size(); k++) {
            if (evenlySpaced(parsing.get(k), positions.get(k))) {
                regular.add(parsing.get(k));
            }
        }
        if (regular.size() == 1) {
            return regular.get(0);
        }
        throw SeqcastException.data(String.format(Locale.ROOT, "%s: column '%s': times like '%s' read as %s and every value fits both; "
                + "set data.time_format to the one the file uses", source, timeColumn, first.time(),
                String.join(" or ", parsing.stream().map(TimeFormat::describe).toList())));
    }

    /** True when the sorted times step evenly, in days or (same day of the month) in months. */
    private static boolean evenlySpaced(TimeFormat f, long[] pos) {
        long[] p = pos.clone();
        Arrays.sort(p);
        if (p.length < 3) {
            return true;
        }
        long unit = f.kind == TimeFormat.Kind.DATETIME ? 86_400 : 1;
        long d = p[1] - p[0];
        boolean even = d > 0;
        for (int i = 2; i < p.length && even; i++) {
            even = p[i] - p[i - 1] == d;
        }
        if (even) {
            return true;
        }
        // Monthly on one day of the month: dates whose day is constant and whose months step evenly.
        int day = -1;
        long prevMonth = Long.MIN_VALUE;
        long monthStep = 0;
        for (long x : p) {
            if (Math.floorMod(x, unit) != 0) {
                return false;
            }
            java.time.LocalDate date = java.time.LocalDate.ofEpochDay(Math.floorDiv(x, unit));
            if (day >= 0 && date.getDayOfMonth() != day) {
                return false;
            }
            day = date.getDayOfMonth();
            long m = date.getYear() * 12L + date.getMonthValue();
            if (prevMonth != Long.MIN_VALUE) {
                if (monthStep == 0) {
                    monthStep = m - prevMonth;
                } else if (m - prevMonth != monthStep) {
                    return false;
                }
            }
            prevMonth = m;
        }
        return monthStep > 0;
    }

    /**
     * The java.time patterns the values may be written in (day-first and month-first, or year-first), from the
     * shape of the first value; a field is written with two letters (dd, MM, HH) when every value writes it with
     * two digits, otherwise with one, which parses both widths.
     */
    static List<String> candidates(List<CsvSeriesReader.RawRow> rows) {
        String v = rows.get(0).time();
        Pattern shape = DAY_MONTH.matcher(v).matches() ? DAY_MONTH : YEAR_FIRST.matcher(v).matches() ? YEAR_FIRST : null;
        if (shape == null) {
            return List.of();
        }
        boolean[] two = {true, true, true, true, true};
        int[] groups = shape == DAY_MONTH ? new int[] {1, 3, 6} : new int[] {3, 4, 6};
        for (CsvSeriesReader.RawRow r : rows) {
            Matcher x = shape.matcher(r.time());
            if (!x.matches()) {
                continue; // reported when it does not parse
            }
            for (int k = 0; k < groups.length; k++) {
                String g = x.group(groups[k]);
                two[k] &= g == null || g.length() == 2;
            }
        }
        Matcher m = shape.matcher(v);
        m.matches();
        String time = time(m, 5, two[2]);
        String sep = m.group(2);
        if (shape == YEAR_FIRST) {
            return List.of("yyyy" + sep + (two[0] ? "MM" : "M") + sep + (two[1] ? "dd" : "d") + time);
        }
        List<String> out = new ArrayList<>();
        out.add((two[0] ? "dd" : "d") + sep + (two[1] ? "MM" : "M") + sep + "yyyy" + time);
        out.add((two[0] ? "MM" : "M") + sep + (two[1] ? "dd" : "d") + sep + "yyyy" + time);
        return out;
    }

    /** The time part of a pattern from groups g (separator), g+1 hour, g+2 minute, g+3 seconds, g+4 AM/PM. */
    private static String time(Matcher m, int g, boolean twoDigitHours) {
        if (m.group(g) == null) {
            return "";
        }
        boolean ampm = m.group(g + 4) != null;
        String hour = ampm ? (twoDigitHours ? "hh" : "h") : (twoDigitHours ? "HH" : "H");
        String sep = m.group(g).equals("T") ? "'T'" : " ";
        String ap = ampm ? (m.start(g + 4) > 0 && m.group(0).charAt(m.start(g + 4) - 1) == ' ' ? " a" : "a") : "";
        return sep + hour + ":mm" + (m.group(g + 3) != null ? ":ss" : "") + ap;
    }
}
