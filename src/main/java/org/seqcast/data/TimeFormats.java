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
        List<String> patterns = candidates(first.time());
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

    /** The java.time patterns a value may be written in: day-first and month-first, or year-first. */
    static List<String> candidates(String v) {
        Matcher m = DAY_MONTH.matcher(v);
        if (m.matches()) {
            String sep = m.group(2);
            String a = m.group(1).length() == 2 ? "dd" : "d";
            String b = m.group(3).length() == 2 ? "MM" : "M";
            String a2 = m.group(1).length() == 2 ? "MM" : "M";
            String b2 = m.group(3).length() == 2 ? "dd" : "d";
            String time = time(m, 5);
            List<String> out = new ArrayList<>();
            out.add(a + sep + b + sep + "yyyy" + time);
            out.add(a2 + sep + b2 + sep + "yyyy" + time);
            return out;
        }
        m = YEAR_FIRST.matcher(v);
        if (m.matches()) {
            String sep = m.group(2);
            return List.of("yyyy" + sep + (m.group(3).length() == 2 ? "MM" : "M") + sep + (m.group(4).length() == 2 ? "dd" : "d")
                    + time(m, 5));
        }
        return List.of();
    }

    /** The time part of a pattern from groups g (separator), g+1 hour, g+2 minute, g+3 seconds, g+4 AM/PM. */
    private static String time(Matcher m, int g) {
        if (m.group(g) == null) {
            return "";
        }
        boolean ampm = m.group(g + 4) != null;
        String hour = ampm ? (m.group(g + 1).length() == 2 ? "hh" : "h") : (m.group(g + 1).length() == 2 ? "HH" : "H");
        String sep = m.group(g).equals("T") ? "'T'" : " ";
        String ap = ampm ? (m.start(g + 4) > 0 && m.group(0).charAt(m.start(g + 4) - 1) == ' ' ? " a" : "a") : "";
        return sep + hour + ":mm" + (m.group(g + 3) != null ? ":ss" : "") + ap;
    }
}
