package org.seqcast.data;

import org.seqcast.config.MissingPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.seqcast.SeqcastException;
import org.seqcast.io.Limits;
import org.seqcast.config.DecimalMark;

/**
 * Reads time series from CSV (commons-csv): header row required; comma, semicolon or tab detected
 * from the header; UTF-8 with or without BOM; LF or CRLF; {@code -} is standard input. Every problem
 * is a one-line {@link SeqcastException} naming the file, the line (1-based, header = line 1), the
 * column and the value.
 */
public final class CsvSeriesReader {
    private static final int MAX_GAP_NOTES = 5;

    private CsvSeriesReader() {
    }

    /** One data row as read: its file line, its time text and the texts of the requested columns. */
    record RawRow(long line, String time, String[] cells) {
    }

    /** The result of one series of a long-format file: the series, or why it could not be built. */
    public record Entry(String id, TimeSeries series, SeqcastException error) {
    }

    public static TimeSeries read(String pathOrDash, String timeColumn, List<String> valueColumns, MissingPolicy missing) {
        return read(pathOrDash, timeColumn, valueColumns, ReadOptions.of(missing));
    }

    public static TimeSeries read(String pathOrDash, String timeColumn, List<String> valueColumns, ReadOptions options) {
        return read(open(pathOrDash), name(pathOrDash), timeColumn, valueColumns, options);
    }

    public static TimeSeries read(InputStream in, String sourceName, String timeColumn, List<String> valueColumns, MissingPolicy missing) {
        return read(in, sourceName, timeColumn, valueColumns, ReadOptions.of(missing));
    }

    public static TimeSeries read(InputStream in, String sourceName, String timeColumn, List<String> valueColumns, ReadOptions options) {
        byte[] bytes = bytes(in, sourceName);
        Table t = parse(bytes, sourceName, timeColumn, null, valueColumns);
        return build(sourceName, timeColumn, valueColumns, t.rows.getOrDefault("", List.of()), options, sha256(bytes), t.delimiter);
    }

    /**
     * Reads a long-format file (one row per series and time) and builds one series per distinct value of
     * {@code seriesColumn}, in order of first appearance. A series that fails (bad value, duplicate
     * time, ...) is returned with its error so the others can go on; file-level problems (no header,
     * missing column) still throw.
     */
    public static List<Entry> readLong(String pathOrDash, String seriesColumn, String timeColumn, List<String> valueColumns,
                                       MissingPolicy missing) {
        return readLong(pathOrDash, seriesColumn, timeColumn, valueColumns, ReadOptions.of(missing));
    }

    /** {@link #readLong(String, String, String, List, MissingPolicy)} with all the reading options. */
    public static List<Entry> readLong(String pathOrDash, String seriesColumn, String timeColumn, List<String> valueColumns,
                                       ReadOptions missing) {
        String source = name(pathOrDash);
        byte[] bytes = bytes(open(pathOrDash), source);
        Table t = parse(bytes, source, timeColumn, seriesColumn, valueColumns);
        String sha = sha256(bytes);
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, List<RawRow>> e : t.rows.entrySet()) {
            String label = source + " [" + seriesColumn + "=" + e.getKey() + "]";
            try {
                out.add(new Entry(e.getKey(), build(label, timeColumn, valueColumns, e.getValue(), missing, sha, t.delimiter), null));
            } catch (SeqcastException ex) {
                out.add(new Entry(e.getKey(), null, ex));
            }
        }
        return out;
    }

    /**
     * One series from rows that a caller has already split out of a long-format table (e.g. a distributed
     * reader that keeps no file lines): each row is {time, one cell per value column} as text (trimmed
     * here). The same parsing, checks, sorting and filling as {@link #read}; errors name the 1-based
     * position of the row in {@code rows} as its line.
     */
    public static TimeSeries fromRows(String source, String timeColumn, List<String> valueColumns, List<String[]> rows,
                                      MissingPolicy missing, String sha256) {
        List<RawRow> raw = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            if (r.length != valueColumns.size() + 1) {
                throw new IllegalArgumentException("Invalid row " + (i + 1) + " of " + source + ": " + r.length + " cells for the time and "
                        + valueColumns.size() + " value columns");
            }
            String[] cells = new String[valueColumns.size()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = r[c + 1] == null ? "" : r[c + 1].trim();
            }
            raw.add(new RawRow(i + 1, r[0] == null ? "" : r[0].trim(), cells));
        }
        return build(source, timeColumn, valueColumns, raw, ReadOptions.of(missing), sha256, ',');
    }

    /** The header names of a CSV file (trimmed, BOM removed). */
    public static List<String> header(String pathOrDash) {
        String source = name(pathOrDash);
        return header(bytes(open(pathOrDash), source), source);
    }

    /** The header names of a CSV stream (trimmed, BOM removed). */
    public static List<String> header(InputStream in, String source) {
        return header(bytes(in, source), source);
    }

    /** The header names of a CSV already read (so that a pipe or FIFO is read once). */
    public static List<String> header(byte[] bytes, String source) {
        String text = text(bytes);
        try (CSVParser p = CSVParser.parse(text, format(detectDelimiter(text)))) {
            for (CSVRecord r : p) {
                List<String> h = new ArrayList<>();
                r.forEach(s -> h.add(s.trim()));
                requireUniqueNames(source, h);
                return h;
            }
        } catch (IOException | UncheckedIOException e) {
            throw SeqcastException.data(source + ": cannot parse the header: " + e.getMessage());
        }
        throw SeqcastException.data(source + ": the file is empty; a header row naming the columns is required");
    }

    /** Every data row with every column: column 0 as the time, the others as cells. */
    static List<RawRow> rawRows(byte[] bytes, String source, List<String> header) {
        Table t = parse(bytes, source, header.get(0), null, header.subList(1, header.size()));
        return t.rows.getOrDefault("", List.of());
    }

    /** All bytes of a path or standard input ({@code -}), with the errors of {@link #read}. */
    public static byte[] readAll(String pathOrDash) {
        return bytes(open(pathOrDash), name(pathOrDash));
    }

    /** The name errors use for a path or {@code -}. */
    public static String sourceName(String pathOrDash) {
        return name(pathOrDash);
    }

    // ---------------------------------------------------------------- reading

    /** The name of an input in messages: the path, or {@code <stdin>} for {@code -}. */
    public static String name(String pathOrDash) {
        return "-".equals(pathOrDash) ? "<stdin>" : pathOrDash;
    }

    /** The input as a stream: standard input for {@code -}, else the file (a directory or missing file is an I/O error). */
    public static InputStream open(String pathOrDash) {
        if ("-".equals(pathOrDash)) {
            return System.in;
        }
        Path p = Path.of(pathOrDash);
        try {
            if (Files.isDirectory(p)) {
                throw SeqcastException.io(pathOrDash + ": is a directory, not a CSV file", null);
            }
            return Files.newInputStream(p);
        } catch (NoSuchFileException e) {
            throw SeqcastException.io(pathOrDash + ": file not found", e);
        } catch (AccessDeniedException e) {
            throw SeqcastException.io(pathOrDash + ": permission denied", e);
        } catch (IOException e) {
            throw SeqcastException.io(pathOrDash + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** All bytes of the input, at most {@link Limits#csvBytes()}: /dev/zero or an endless pipe is an error, not an OutOfMemoryError. */
    public static byte[] bytes(InputStream in, String source) {
        try (InputStream s = in) {
            return Limits.readAll(s, Limits.csvBytes(), max -> SeqcastException.data(source + ": larger than the CSV size limit of "
                    + Limits.describe(max) + "; split the file, or raise the limit with SEQCAST_JAVA_OPTS=-Dseqcast.max_csv_bytes=N"));
        } catch (IOException e) {
            throw SeqcastException.io(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String text(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** The delimiter of a CSV from its first line: comma, semicolon or tab, whichever occurs most outside quotes. */
    public static char detectDelimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        int comma = 0;
        int semi = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    comma++;
                } else if (c == ';') {
                    semi++;
                } else if (c == '\t') {
                    tab++;
                }
            }
        }
        if (tab > comma && tab >= semi) {
            return '\t';
        }
        return semi > comma ? ';' : ',';
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).build();
    }

    /** Rows grouped by series id ("" when there is no series column), in order of first appearance. */
    private record Table(Map<String, List<RawRow>> rows, char delimiter) {
    }

    /** Refuses a header that names a column twice: which one a key means would be a guess. */
    private static void requireUniqueNames(String source, List<String> header) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            Integer before = h.isEmpty() ? null : seen.putIfAbsent(h, i);
            if (before != null) {
                throw SeqcastException.data(String.format(Locale.ROOT, "%s: column name '%s' appears twice in the header (columns %d and %d); "
                        + "rename one", source, h, before + 1, i + 1));
            }
        }
    }

    private static Table parse(byte[] bytes, String source, String timeColumn, String seriesColumn, List<String> valueColumns) {
        String text = text(bytes);
        if (text.isBlank()) {
            throw SeqcastException.data(source + ": the file is empty; a header row naming the columns is required");
        }
        Map<String, List<RawRow>> groups = new LinkedHashMap<>();
        LineIndex lines = new LineIndex(text);
        char delimiter = detectDelimiter(text);
        try (CSVParser p = CSVParser.parse(text, format(delimiter))) {
            List<String> header = null;
            int timeIdx = -1;
            int seriesIdx = -1;
            int[] idx = new int[valueColumns.size()];
            for (CSVRecord r : p) {
                long line = lines.lineAt(r.getCharacterPosition());
                if (header == null) {
                    header = new ArrayList<>();
                    for (String h : r) {
                        header.add(h.trim());
                    }
                    requireUniqueNames(source, header);
                    List<String> wanted = new ArrayList<>();
                    wanted.add(timeColumn);
                    if (seriesColumn != null) {
                        wanted.add(seriesColumn);
                    }
                    wanted.addAll(valueColumns);
                    requireColumns(source, header, wanted);
                    timeIdx = header.indexOf(timeColumn);
                    seriesIdx = seriesColumn == null ? -1 : header.indexOf(seriesColumn);
                    for (int i = 0; i < idx.length; i++) {
                        idx[i] = header.indexOf(valueColumns.get(i));
                    }
                    continue;
                }
                if (r.size() == 1 && header.size() > 1 && r.get(0).isBlank()) {
                    continue; // a line of spaces or tabs, like an empty line
                }
                if (r.size() != header.size()) {
                    throw SeqcastException.data(String.format(Locale.ROOT, "%s: line %d has %d field%s, the header has %d; check the delimiter and quoting",
                            source, line, r.size(), r.size() == 1 ? "" : "s", header.size()));
                }
                String[] cells = new String[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    cells[i] = r.get(idx[i]).trim();
                }
                String id = seriesIdx < 0 ? "" : r.get(seriesIdx).trim();
                groups.computeIfAbsent(id, k -> new ArrayList<>()).add(new RawRow(line, r.get(timeIdx).trim(), cells));
            }
            if (header == null) {
                throw SeqcastException.data(source + ": the file is empty; a header row naming the columns is required");
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw SeqcastException.data(source + ": malformed CSV" + csvProblem(e) + "; check the quotes");
        }
        return new Table(groups, delimiter);
    }

    private static final Pattern CSV_LINE = Pattern.compile("(?:startline|line:?) (\\d+)");

    /** The commons-csv problem in plain words, " at line N: what", without exception class names. */
    private static String csvProblem(Exception e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String m = String.valueOf(t.getMessage()).replace('\n', ' ').replace('\r', ' ');
        Matcher x = CSV_LINE.matcher(m);
        String at = x.find() ? " at line " + x.group(1) : "";
        if (m.contains("EOF reached before encapsulated token finished")) {
            return at + ": a quoted field is not closed";
        }
        if (m.contains("Invalid char between encapsulated token and delimiter")) {
            return at + ": text after the closing quote of a field";
        }
        return at + ": " + m;
    }

    /**
     * The 1-based line of a character position, where a record starts: commons-csv counts the line where
     * a record ends, which is wrong for the first line of a quoted field spanning lines.
     */
    private static final class LineIndex {
        private final String text;
        private int[] breaks = new int[1024]; // position of the last character of each line break
        private int count;

        LineIndex(String text) {
            this.text = text;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    if (count == breaks.length) {
                        breaks = Arrays.copyOf(breaks, 2 * count);
                    }
                    breaks[count++] = i;
                }
            }
        }

        long lineAt(long charPosition) {
            int pos = (int) charPosition;
            // A record's position may point at the empty lines skipped before it.
            while (pos < text.length() && (text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
                pos++;
            }
            int k = Arrays.binarySearch(breaks, 0, count, pos);
            return 1 + (k >= 0 ? k : -k - 1);
        }
    }

    private static void requireColumns(String source, List<String> header, List<String> wanted) {
        List<String> missing = new ArrayList<>();
        for (String w : wanted) {
            if (w == null || !header.contains(w)) {
                missing.add(w);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(source).append(": missing column").append(missing.size() > 1 ? "s " : " ");
        for (int i = 0; i < missing.size(); i++) {
            String m = missing.get(i);
            sb.append(i > 0 ? ", " : "").append('\'').append(m).append('\'');
            String near = nearest(m, header);
            if (near != null) {
                sb.append(" (did you mean '").append(near).append("'?)");
            }
        }
        sb.append("; the file has ").append(String.join(", ", header));
        throw SeqcastException.data(sb.toString());
    }

    private static String nearest(String want, List<String> have) {
        if (want == null) {
            return null;
        }
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String h : have) {
            int d = distance(want.toLowerCase(Locale.ROOT), h.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = h;
            }
        }
        return bestD <= Math.max(1, want.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    // ---------------------------------------------------------------- building

    /**
     * A plain decimal number: optional sign, digits with an optional point (at least one digit), optional
     * exponent; not Java's 1f, 2d or hex floats. Hand-written: this runs once per cell.
     */
    static boolean isPlainNumber(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static final Pattern INFINITY = Pattern.compile("(?i)[+-]?(inf|infinity)");

    static boolean isMissing(String s) {
        return Numbers.isMissing(s);
    }

    private static TimeSeries build(String source, String timeColumn, List<String> columns, List<RawRow> input, ReadOptions options,
                                    String sha, char delimiter) {
        if (input.isEmpty()) {
            throw SeqcastException.data(source + ": no data rows after the header");
        }
        MissingPolicy missing = options.missing();
        List<String> warnings = new ArrayList<>();
        TimeFormat fmt = TimeFormats.choose(source, timeColumn, input, options.timeFormat());
        int n = input.size();
        long[] raw = new long[n];
        boolean datetime = fmt.kind == TimeFormat.Kind.DATETIME;
        boolean zoned = datetime && fmt.hasZone(input.get(0).time());
        for (int i = 0; i < n; i++) {
            RawRow r = input.get(i);
            try {
                raw[i] = fmt.parse(r.time());
            } catch (RuntimeException e) {
                String expected = options.timeFormat() != null ? "does not match data.time_format '" + options.timeFormat() + "'"
                        : "is not a time in the format of the first row (" + fmt.describe() + ")";
                throw SeqcastException.data(String.format(Locale.ROOT, "%s: line %d, column '%s': '%s' %s", source, r.line(), timeColumn,
                        r.time(), expected));
            }
            if (datetime && fmt.hasZone(r.time()) != zoned) {
                RawRow first = input.get(0);
                throw SeqcastException.data(String.format(Locale.ROOT, "%s: line %d, column '%s': '%s' has %s UTC offset but line %d ('%s') "
                        + "has %s, so their distance in time is unknown; write every time with its offset, or none", source, r.line(),
                        timeColumn, r.time(), zoned ? "no" : "a", first.line(), first.time(), zoned ? "one" : "none"));
            }
        }
        // Values, parsed only for the requested columns.
        DecimalMark mark = options.decimal() == DecimalMark.AUTO ? Numbers.detect(source, input, columns, delimiter) : options.decimal();
        double[][] values = new double[columns.size()][n];
        for (int i = 0; i < n; i++) {
            RawRow r = input.get(i);
            for (int c = 0; c < columns.size(); c++) {
                String s = r.cells()[c];
                if (Numbers.isMissing(s)) {
                    values[c][i] = Double.NaN;
                    continue;
                }
                double v;
                try {
                    v = Numbers.parse(s, mark);
                } catch (NumberFormatException e) {
                    boolean infinite = INFINITY.matcher(s).matches();
                    String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
                    String hint = infinite ? "" : Numbers.hint(s, mark);
                    throw SeqcastException.data(String.format(Locale.ROOT, "%s: line %d, column '%s': '%s' is not a %snumber%s", source,
                            r.line(), columns.get(c), shown, infinite ? "finite " : "", hint));
                }
                if (Double.isInfinite(v)) {
                    throw SeqcastException.data(String.format(Locale.ROOT, "%s: line %d, column '%s': '%s' is not a finite number", source,
                            r.line(), columns.get(c), s));
                }
                if (Math.abs(v) > Float.MAX_VALUE) {
                    throw SeqcastException.data(String.format(Locale.ROOT, "%s: line %d, column '%s': '%s' is beyond the float32 range "
                            + "(magnitude up to 3.4e38) that seqcast computes in; rescale the column", source, r.line(), columns.get(c), s));
                }
                values[c][i] = v;
            }
        }
        // Sort by time (stable) when needed; then duplicates are neighbours.
        Integer[] order = new Integer[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            if (i > 0 && raw[i] < raw[i - 1]) {
                sorted = false;
            }
        }
        if (!sorted) {
            Arrays.sort(order, (a, b) -> Long.compare(raw[a], raw[b]));
            warnings.add(source + ": rows are not in time order; sorted them by " + timeColumn);
        }
        for (int i = 1; i < n; i++) {
            if (raw[order[i]] == raw[order[i - 1]]) {
                long l1 = Math.min(input.get(order[i - 1]).line(), input.get(order[i]).line());
                long l2 = Math.max(input.get(order[i - 1]).line(), input.get(order[i]).line());
                throw SeqcastException.data(String.format(Locale.ROOT, "%s: duplicate time %s on lines %d and %d; keep one row per time",
                        source, input.get(order[i]).time(), l1, l2));
            }
        }
        long[] pos = new long[n];
        String[] labels = new String[n];
        long[] lines = new long[n];
        double[][] vals = new double[columns.size()][n];
        for (int i = 0; i < n; i++) {
            int o = order[i];
            pos[i] = raw[o];
            labels[i] = input.get(o).time();
            lines[i] = input.get(o).line();
            for (int c = 0; c < columns.size(); c++) {
                vals[c][i] = values[c][o];
            }
        }
        // Frequency.
        Inferred inf = infer(fmt, pos, labels, source);
        long[] p = inf.positions;
        Frequency freq = inf.frequency;
        long step = inf.step;
        // Future rows: the last rows whose target cells are all empty carry inputs known in advance.
        TimeSeries future = null;
        if (options.futureTargets() > 0) {
            int obs = n;
            while (obs > 0 && allMissing(vals, options.futureTargets(), obs - 1)) {
                obs--;
            }
            if (obs == 0) {
                throw SeqcastException.data(String.format(Locale.ROOT, "%s: column '%s' has no values", source, columns.get(0)));
            }
            if (obs < n) {
                double[][] fv = new double[columns.size()][];
                for (int c = 0; c < columns.size(); c++) {
                    fv[c] = Arrays.copyOfRange(vals[c], obs, n);
                    vals[c] = Arrays.copyOf(vals[c], obs);
                }
                TimeIndex fi = new TimeIndex(fmt, inf.stepping, inf.dayOfMonth, step, Arrays.copyOfRange(p, obs, n),
                        Arrays.copyOfRange(labels, obs, n));
                future = new TimeSeries(source, timeColumn, fi, freq, columns, fv, sha, n - obs, List.of());
                p = Arrays.copyOf(p, obs);
                labels = Arrays.copyOf(labels, obs);
                lines = Arrays.copyOf(lines, obs);
                n = obs;
            }
        }
        TimeIndex probe = new TimeIndex(fmt, inf.stepping, inf.dayOfMonth, step, p, labels);
        TimeSeries.Gaps asRead = gaps(p, step);

        // Missing values (ERROR fails on the first one in file order).
        if (missing == MissingPolicy.ERROR) {
            long firstLine = Long.MAX_VALUE;
            int firstColumn = -1;
            for (int c = 0; c < columns.size(); c++) {
                for (int i = 0; i < n; i++) {
                    if (Double.isNaN(vals[c][i]) && lines[i] < firstLine) {
                        firstLine = lines[i];
                        firstColumn = c;
                    }
                }
            }
            if (firstColumn >= 0) {
                throw SeqcastException.data(String.format(Locale.ROOT, "%s: line %d, column '%s': missing value; set data.missing to "
                        + "interpolate, ffill or drop to accept missing values", source, firstLine, columns.get(firstColumn)));
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(vals[c][i])) {
                    count++;
                }
            }
            if (count == n) {
                throw SeqcastException.data(source + ": column '" + columns.get(c) + "' has no values");
            }
            if (count > 0 && missing != MissingPolicy.DROP) {
                warnings.add(String.format(Locale.ROOT, "%s: %d missing value%s in column '%s' filled (%s)", source, count, count == 1 ? "" : "s",
                        columns.get(c), missing.key()));
            }
        }
        if (missing == MissingPolicy.DROP) {
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean ok = true;
                for (double[] col : vals) {
                    ok &= !Double.isNaN(col[i]);
                }
                if (ok) {
                    keep.add(i);
                }
            }
            if (keep.isEmpty()) {
                throw SeqcastException.data(String.format(Locale.ROOT, "%s: every row has a missing value in one of the columns %s, so "
                        + "data.missing=drop leaves no rows; use interpolate or ffill, or fewer columns", source, String.join(", ", columns)));
            }
            if (keep.size() < n) {
                warnings.add(String.format(Locale.ROOT, "%s: dropped %d row%s with missing values", source, n - keep.size(),
                        n - keep.size() == 1 ? "" : "s"));
                long[] p2 = new long[keep.size()];
                String[] l2 = new String[keep.size()];
                long[] ln2 = new long[keep.size()];
                double[][] v2 = new double[columns.size()][keep.size()];
                for (int k = 0; k < keep.size(); k++) {
                    int i = keep.get(k);
                    p2[k] = p[i];
                    l2[k] = labels[i];
                    ln2[k] = lines[i];
                    for (int c = 0; c < columns.size(); c++) {
                        v2[c][k] = vals[c][i];
                    }
                }
                p = p2;
                labels = l2;
                lines = ln2;
                vals = v2;
                n = keep.size();
            }
        }
        // Gaps (missing times) follow data.missing like missing cells: error names the first gap and the key;
        // interpolate and ffill insert the missing times and fill them; drop reads the rows as consecutive.
        long gapRows = 0;
        int gapCount = 0;
        String firstGap = null;
        String firstIrregular = null;
        List<String> gapNotes = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            long d = p[i] - p[i - 1];
            if (d > step) {
                gapCount++;
                long missingPeriods = d % step == 0 ? d / step - 1 : -1;
                if (missingPeriods > 0) {
                    gapRows += missingPeriods;
                }
                String note = String.format(Locale.ROOT, "%s: gap of %s between %s (line %d) and %s (line %d)", source,
                        missingPeriods > 0 ? missingPeriods + " missing " + freq.noun(missingPeriods)
                                : "an irregular interval (not a whole number of " + freq.noun(2) + ")",
                        labels[i - 1], lines[i - 1], labels[i], lines[i]);
                firstGap = firstGap == null ? note : firstGap;
                if (missingPeriods < 0 && firstIrregular == null) {
                    firstIrregular = note;
                }
                if (gapNotes.size() < MAX_GAP_NOTES) {
                    gapNotes.add(note);
                }
            }
        }
        String more = gapCount > 1 ? String.format(Locale.ROOT, " (%d gaps in all, %d missing %s)", gapCount, gapRows, freq.noun(gapRows)) : "";
        boolean fill = false;
        if (gapCount > 0) {
            switch (missing) {
                case ERROR -> throw SeqcastException.data(firstGap + more + "; set data.missing to interpolate or ffill to insert the "
                        + "missing times and fill them, or to drop to read the rows as consecutive");
                case INTERPOLATE, FFILL -> {
                    if (firstIrregular != null) {
                        throw SeqcastException.data(firstIrregular + "; the times are " + freq.describe() + ", so the missing times "
                                + "cannot be inserted; fix the times, or set data.missing to drop to read the rows as consecutive");
                    }
                    if (gapRows > 10L * n) {
                        throw SeqcastException.data(firstGap + more + ": more missing times than ten times the rows, too many to fill; "
                                + "cut the file to the part after the gaps, or set data.missing to drop to read the rows as consecutive");
                    }
                    fill = true;
                }
                case DROP -> {
                    warnings.addAll(gapNotes);
                    if (gapCount > MAX_GAP_NOTES) {
                        warnings.add(String.format(Locale.ROOT, "%s: %d gaps in all (%d missing %s)", source, gapCount, gapRows,
                                freq.noun(gapRows)));
                    }
                    warnings.add(String.format(Locale.ROOT, "%s: read the rows across %s as consecutive (data.missing: drop)", source,
                            gapCount == 1 ? "the gap" : "the " + gapCount + " gaps"));
                }
            }
        }
        if (fill) {
            int m = Math.toIntExact(n + gapRows);
            long[] p2 = new long[m];
            String[] l2 = new String[m];
            double[][] v2 = new double[columns.size()][m];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    long d = p[i] - p[i - 1];
                    if (d > step && d % step == 0) {
                        for (long q = p[i - 1] + step; q < p[i]; q += step) {
                            p2[k] = q;
                            l2[k] = probe.format(q);
                            for (int c = 0; c < columns.size(); c++) {
                                v2[c][k] = Double.NaN;
                            }
                            k++;
                        }
                    }
                }
                p2[k] = p[i];
                l2[k] = labels[i];
                for (int c = 0; c < columns.size(); c++) {
                    v2[c][k] = vals[c][i];
                }
                k++;
            }
            p = Arrays.copyOf(p2, k);
            labels = Arrays.copyOf(l2, k);
            for (int c = 0; c < columns.size(); c++) {
                vals[c] = Arrays.copyOf(v2[c], k);
            }
            warnings.add(String.format(Locale.ROOT, "%s: inserted %d missing time%s and filled them (%s)%s", source, k - n, k - n == 1 ? "" : "s",
                    missing.key(), gapCount == 1 ? ": " + firstGap.substring(source.length() + 2) : more));
        }
        if (missing == MissingPolicy.INTERPOLATE) {
            for (double[] col : vals) {
                interpolate(col);
            }
        } else if (missing == MissingPolicy.FFILL) {
            for (double[] col : vals) {
                forwardFill(col);
            }
        }
        TimeIndex index = new TimeIndex(fmt, inf.stepping, inf.dayOfMonth, step, p, labels);
        TimeSeries s = new TimeSeries(source, timeColumn, index, freq, columns, vals, sha, input.size(), warnings, asRead);
        return future == null ? s : s.withFuture(future);
    }

    private static boolean allMissing(double[][] vals, int columns, int row) {
        for (int c = 0; c < columns; c++) {
            if (!Double.isNaN(vals[c][row])) {
                return false;
            }
        }
        return true;
    }

    private static TimeSeries.Gaps gaps(long[] p, long step) {
        int count = 0;
        int irregular = 0;
        long missing = 0;
        for (int i = 1; i < p.length; i++) {
            long d = p[i] - p[i - 1];
            if (d > step) {
                count++;
                if (d % step == 0) {
                    missing += d / step - 1;
                } else {
                    irregular++;
                }
            }
        }
        return new TimeSeries.Gaps(count, missing, irregular);
    }

    /** Linear interpolation by position; leading and trailing gaps take the nearest observed value. */
    static void interpolate(double[] v) {
        int n = v.length;
        int prev = -1;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(v[i])) {
                continue;
            }
            if (prev < 0) {
                for (int j = 0; j < i; j++) {
                    v[j] = v[i];
                }
            } else if (i - prev > 1) {
                for (int j = prev + 1; j < i; j++) {
                    v[j] = v[prev] + (v[i] - v[prev]) * (j - prev) / (double) (i - prev);
                }
            }
            prev = i;
        }
        for (int j = prev + 1; j < n; j++) {
            v[j] = v[prev];
        }
    }

    /** Carries the last observed value forward; a leading gap takes the first observed value. */
    static void forwardFill(double[] v) {
        int firstObs = -1;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                firstObs = i;
                break;
            }
        }
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                v[i] = i < firstObs ? v[firstObs] : v[i - 1];
            }
        }
    }

    // ---------------------------------------------------------------- frequency

    private record Inferred(Frequency frequency, long step, long[] positions, TimeIndex.Stepping stepping, int dayOfMonth) {
        Inferred(Frequency frequency, long step, long[] positions) {
            this(frequency, step, positions, TimeIndex.Stepping.NATIVE, 1);
        }
    }

    private static long modeDiff(long[] p, String source) {
        Map<Long, Integer> counts = new HashMap<>();
        long best = 1;
        int bestCount = 0;
        for (int i = 1; i < p.length; i++) {
            long d;
            try {
                d = Math.subtractExact(p[i], p[i - 1]);
            } catch (ArithmeticException e) {
                throw SeqcastException.data(String.format(Locale.ROOT, "%s: the times %d and %d are too far apart to count the steps between "
                        + "them; renumber the time column", source, p[i - 1], p[i]));
            }
            int c = counts.merge(d, 1, Integer::sum);
            if (c > bestCount || (c == bestCount && d < best)) {
                bestCount = c;
                best = d;
            }
        }
        return best;
    }

    private static Inferred infer(TimeFormat fmt, long[] pos, String[] labels, String source) {
        if (pos.length < 2) {
            Frequency f = switch (fmt.kind) {
                case YEAR_MONTH -> new Frequency(Frequency.Unit.MONTH, 1);
                case DATE -> new Frequency(Frequency.Unit.DAY, 1);
                case DATETIME -> new Frequency(Frequency.Unit.HOUR, 1);
                default -> new Frequency(Frequency.Unit.STEP, 1);
            };
            long step = fmt.kind == TimeFormat.Kind.DATETIME ? 3600 : 1;
            return new Inferred(f, step, pos);
        }
        switch (fmt.kind) {
            case INTEGER: {
                long d = modeDiff(pos, source);
                if (d < 1 || d > Integer.MAX_VALUE) {
                    throw SeqcastException.data(String.format(Locale.ROOT, "%s: the most common step between integer times is %s; it must be "
                            + "between 1 and %d", source, d < 1 ? "out of range" : Long.toString(d), Integer.MAX_VALUE));
                }
                return new Inferred(new Frequency(Frequency.Unit.STEP, Math.toIntExact(d)), d, pos);
            }
            case YEAR_MONTH:
                return months(pos, TimeIndex.Stepping.NATIVE, 1, source);
            case DATE: {
                Inferred byDate = byDays(pos, source);
                if (byDate != null) {
                    return byDate;
                }
                long d = modeDiff(pos, source);
                if (d % 7 == 0) {
                    return new Inferred(new Frequency(Frequency.Unit.WEEK, Math.toIntExact(d / 7)), d, pos);
                }
                return new Inferred(new Frequency(Frequency.Unit.DAY, Math.toIntExact(d)), d, pos);
            }
            default: {
                // Dates written as midnight date-times (SQL and spreadsheet exports): monthly, quarterly, business days.
                long[] days = midnightDays(fmt, labels);
                if (days != null) {
                    Inferred byDate = byDays(days, source);
                    if (byDate != null) {
                        return byDate;
                    }
                }
                long d = modeDiff(pos, source);
                if (d % 604800 == 0) {
                    return new Inferred(new Frequency(Frequency.Unit.WEEK, Math.toIntExact(d / 604800)), d, pos);
                }
                if (d % 86400 == 0) {
                    return new Inferred(new Frequency(Frequency.Unit.DAY, Math.toIntExact(d / 86400)), d, pos);
                }
                if (d % 3600 == 0) {
                    return new Inferred(new Frequency(Frequency.Unit.HOUR, Math.toIntExact(d / 3600)), d, pos);
                }
                if (d % 60 == 0) {
                    return new Inferred(new Frequency(Frequency.Unit.MINUTE, Math.toIntExact(d / 60)), d, pos);
                }
                throw SeqcastException.data(source + ": the most common time step is " + d + " seconds; seqcast handles steps of whole "
                        + "minutes and longer");
            }
        }
    }

    /** The local dates of date-time labels that are all at midnight (each in its own offset); null otherwise. */
    private static long[] midnightDays(TimeFormat fmt, String[] labels) {
        long[] days = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            java.time.LocalDateTime t;
            try {
                t = fmt.local(labels[i]);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (t.toLocalTime().toSecondOfDay() != 0) {
                return null;
            }
            days[i] = t.toLocalDate().toEpochDay();
        }
        return days;
    }

    /**
     * Month-stepped (one day of the month, or month ends) or business-day (Monday to Friday, across at least
     * one weekend) series from sorted epoch days; null when the days are neither.
     */
    private static Inferred byDays(long[] days, String source) {
        long d = modeDiff(days, source);
        if (d >= 28) {
            int day = LocalDate.ofEpochDay(days[days.length - 1]).getDayOfMonth();
            long[] m = new long[days.length];
            boolean sameDay = true;
            boolean monthEnds = true;
            for (int i = 0; i < days.length; i++) {
                LocalDate t = LocalDate.ofEpochDay(days[i]);
                m[i] = t.getYear() * 12L + t.getMonthValue() - 1;
                sameDay &= t.getDayOfMonth() == day || (day >= 28 && t.getDayOfMonth() >= 28);
                monthEnds &= t.getDayOfMonth() == t.lengthOfMonth();
            }
            if (sameDay) {
                // Month-end series (01-31, 02-29, ..., 04-30) continue at month ends: day 31 is clamped to each month's length.
                return months(m, TimeIndex.Stepping.MONTHS, monthEnds ? 31 : day, source);
            }
            return null;
        }
        if (d == 1 && days.length >= 3) {
            boolean weekend = false;
            boolean acrossWeekend = false;
            for (int i = 0; i < days.length; i++) {
                LocalDate t = LocalDate.ofEpochDay(days[i]);
                weekend |= TimeIndex.isWeekend(t);
                acrossWeekend |= i > 0 && t.getDayOfWeek() == java.time.DayOfWeek.MONDAY && days[i] - days[i - 1] == 3;
            }
            if (!weekend && acrossWeekend) {
                long[] b = new long[days.length];
                for (int i = 0; i < days.length; i++) {
                    b[i] = TimeIndex.businessDay(days[i]);
                }
                return new Inferred(new Frequency(Frequency.Unit.BUSINESS_DAY, 1), 1, b, TimeIndex.Stepping.BUSINESS_DAYS, 1);
            }
        }
        return null;
    }

    private static Inferred months(long[] m, TimeIndex.Stepping stepping, int day, String source) {
        long d = modeDiff(m, source);
        Frequency f;
        if (d % 12 == 0) {
            f = new Frequency(Frequency.Unit.YEAR, Math.toIntExact(d / 12));
        } else if (d % 3 == 0) {
            f = new Frequency(Frequency.Unit.QUARTER, Math.toIntExact(d / 3));
        } else {
            f = new Frequency(Frequency.Unit.MONTH, Math.toIntExact(d));
        }
        return new Inferred(f, d, m, stepping, day);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For tests. */
    static TimeSeries read(String csv, String timeColumn, List<String> valueColumns, MissingPolicy missing, String source) {
        return read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), source, timeColumn, valueColumns, missing);
    }
}
