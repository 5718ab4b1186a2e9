package org.seqcast.data;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.seqcast.SeqcastException;
import org.seqcast.config.DecimalMark;

/**
 * Value cells: missing-value tokens, plain and locale-written numbers ({@code 1.234,56},
 * {@code "12,025.90"}, {@code 1 234,5}), and the detection of the decimal mark of a file from its cells
 * when {@code data.decimal: auto}: a cell that reads only one way ({@code 12,5}, {@code 1.234,5},
 * {@code 0.25}) decides; cells like {@code 1.234} that read both ways are refused in semicolon and tab
 * files unless another cell decides (in comma-delimited files a decimal point is the convention).
 */
final class Numbers {
    /** Cells read as missing values (case-insensitive): empty, NA, N/A, #N/A, #NV (German Excel), NaN, NULL, None, -. */
    private static final Set<String> MISSING = Set.of("", "na", "n/a", "#n/a", "#nv", "nan", "null", "none", "-");

    private Numbers() {
    }

    static boolean isMissing(String s) {
        return s.length() <= 4 && MISSING.contains(s.toLowerCase(Locale.ROOT));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpaceGroup(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\'';
    }

    /**
     * The cell as a plain number text for {@link Double#parseDouble}, reading {@code decimal} as the decimal
     * mark and {@code group} (or a space or apostrophe) as thousands separators in strict groups of three;
     * null when it is not such a number.
     */
    static String normalise(String s, char decimal, char group) {
        int n = s.length();
        StringBuilder b = new StringBuilder(n);
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            b.append(s.charAt(i++));
        }
        int digits = 0;
        int run = 0;
        int groups = 0;
        int firstRun = -1;
        boolean leadingZero = i < n && s.charAt(i) == '0';
        while (i < n) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                b.append(c);
                digits++;
                run++;
            } else if ((c == group || isSpaceGroup(c)) && c != decimal) {
                if (run == 0 || (groups > 0 ? run != 3 : run > 3)) {
                    return null;
                }
                if (groups == 0) {
                    firstRun = run;
                }
                groups++;
                run = 0;
            } else {
                break;
            }
            i++;
        }
        if (groups > 0 && (run != 3 || (leadingZero && firstRun >= 1))) {
            return null; // 1,23 or 0.123 read as a group
        }
        if (i < n && s.charAt(i) == decimal) {
            b.append('.');
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                b.append(s.charAt(i++));
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            b.append('e');
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                b.append(s.charAt(i++));
            }
            int exp = 0;
            while (i < n && isDigit(s.charAt(i))) {
                b.append(s.charAt(i++));
                exp++;
            }
            if (exp == 0) {
                return null;
            }
        }
        return i == n ? b.toString() : null;
    }

    /** The value of a non-missing cell under {@code mark} (POINT or COMMA); NumberFormatException when it is none. */
    static double parse(String s, DecimalMark mark) {
        if (mark != DecimalMark.COMMA ? CsvSeriesReader.isPlainNumber(s) : s.indexOf('.') < 0 && CsvSeriesReader.isPlainNumber(s)) {
            return Double.parseDouble(s);
        }
        String t = mark == DecimalMark.COMMA ? normalise(s, ',', '.') : normalise(s, '.', ',');
        if (t == null) {
            throw new NumberFormatException(s);
        }
        return Double.parseDouble(t);
    }

    /** The one-line hint for a cell that is not a number under {@code mark}: which data.decimal would read it. */
    static String hint(String s, DecimalMark mark) {
        if (mark != DecimalMark.COMMA && normalise(s, ',', '.') != null) {
            return "; it reads as a number with a decimal comma: set data.decimal: comma";
        }
        if (mark == DecimalMark.COMMA && normalise(s, '.', ',') != null) {
            return "; it reads as a number with a decimal point: set data.decimal: point";
        }
        return "";
    }

    /** A cell with its place, for messages. */
    private record Seen(String text, long line, String column) {
        String show() {
            return String.format(Locale.ROOT, "'%s' (line %d, column '%s')", text, line, column);
        }
    }

    /**
     * The decimal mark of the requested value columns of {@code rows}: see the class comment. Throws a DATA
     * error naming the cells and {@code data.decimal} when they disagree or cannot tell.
     */
    static DecimalMark detect(String source, List<CsvSeriesReader.RawRow> rows, List<String> columns, char delimiter) {
        Seen point = null;
        Seen comma = null;
        Seen ambiguous = null;
        for (CsvSeriesReader.RawRow r : rows) {
            String[] cells = r.cells();
            for (int c = 0; c < cells.length; c++) {
                String s = cells[c];
                boolean dot = s.indexOf('.') >= 0;
                boolean com = s.indexOf(',') >= 0;
                if (!dot && !com) {
                    continue; // integers, missing tokens, words: the same under both marks
                }
                boolean p = (!com && CsvSeriesReader.isPlainNumber(s)) || normalise(s, '.', ',') != null;
                boolean k = normalise(s, ',', '.') != null;
                if (p && k) {
                    if (ambiguous == null) {
                        ambiguous = new Seen(s, r.line(), columns.get(c));
                    }
                } else if (p && point == null) {
                    point = new Seen(s, r.line(), columns.get(c));
                } else if (k && comma == null) {
                    comma = new Seen(s, r.line(), columns.get(c));
                }
            }
            if (point != null && comma != null) {
                throw SeqcastException.data(String.format(Locale.ROOT, "%s: %s has a decimal point and %s a decimal comma; set "
                        + "data.decimal to point or comma", source, point.show(), comma.show()));
            }
        }
        if (comma != null) {
            return DecimalMark.COMMA;
        }
        if (point != null || ambiguous == null || delimiter == ',') {
            return DecimalMark.POINT;
        }
        double asPoint = Double.parseDouble(normalise(ambiguous.text, '.', ','));
        double asComma = Double.parseDouble(normalise(ambiguous.text, ',', '.'));
        throw SeqcastException.data(String.format(Locale.ROOT, "%s: %s reads as %s with a decimal point or %s with a decimal comma, and "
                + "no value tells which; set data.decimal to point or comma", source, ambiguous.show(), plain(asPoint), plain(asComma)));
    }

    private static String plain(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
