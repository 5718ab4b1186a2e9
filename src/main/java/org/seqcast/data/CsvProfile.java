package org.seqcast.data;

import org.seqcast.config.DecimalMark;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a CSV holds, before any config names its columns: the header, the rows, which column looks like the
 * time, which columns are numeric (and how many cells each misses), and whether it is a long-format file (a
 * text column naming several series, times repeated). {@code seqcast init} reports it and {@code train}
 * guesses the time column and target from it when that is unambiguous.
 */
public final class CsvProfile {
    private static final Pattern TIME_NAME = Pattern.compile(
            "(?i)(t|ds|time|timestamp|date|datetime|day|week|month|quarter|year|period|index|step|date_?time|.*_(date|time|at|day|month))");

    /** One column: its name, whether every present cell is a number, its missing cells and first non-number. */
    public record Column(String name, boolean numeric, int missing, int distinct, String firstText) {
    }

    private final String source;
    private final byte[] bytes;
    private final List<String> header;
    private final int rows;
    private final List<Column> columns;
    private final String timeColumn;
    private final List<String> timeCandidates;
    private final String seriesColumn;

    private CsvProfile(String source, byte[] bytes, List<String> header, int rows, List<Column> columns, List<String> timeCandidates,
                       String seriesColumn) {
        this.source = source;
        this.bytes = bytes;
        this.header = List.copyOf(header);
        this.rows = rows;
        this.columns = List.copyOf(columns);
        this.timeCandidates = List.copyOf(timeCandidates);
        this.timeColumn = timeCandidates.size() == 1 ? timeCandidates.get(0) : null;
        this.seriesColumn = seriesColumn;
    }

    /** Inspects a whole file held in memory. */
    public static CsvProfile inspect(byte[] bytes, String source) {
        List<String> header = CsvSeriesReader.header(new ByteArrayInputStream(bytes), source);
        if (header.size() < 2) {
            throw org.seqcast.SeqcastException.data(source + ": the header names " + header.size()
                    + " column; a time column and at least one value column are needed (is the delimiter , ; or tab?)");
        }
        List<CsvSeriesReader.RawRow> raw = CsvSeriesReader.rawRows(bytes, source, header);
        int n = raw.size();
        List<Column> cols = new ArrayList<>();
        List<String> dateLike = new ArrayList<>();
        List<String> integerTimeLike = new ArrayList<>();
        Map<String, Set<String>> texts = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            int missing = 0;
            boolean numeric = true;
            boolean dates = true;
            boolean integers = true;
            String firstText = null;
            Set<String> distinct = new HashSet<>();
            for (CsvSeriesReader.RawRow r : raw) {
                String s = c == 0 ? r.time() : r.cells()[c - 1];
                if (distinct.size() <= 1000) {
                    distinct.add(s);
                }
                if (Numbers.isMissing(s)) {
                    missing++;
                    dates = false;
                    integers = false;
                    continue;
                }
                if (!isNumber(s)) {
                    numeric = false;
                    firstText = firstText == null ? s : firstText;
                }
                integers &= s.matches("[+-]?\\d{1,19}");
                dates &= !integers && looksLikeTime(s);
            }
            String name = header.get(c);
            if (n > 0 && dates) {
                dateLike.add(name);
            } else if (n > 0 && integers && TIME_NAME.matcher(name).matches()) {
                integerTimeLike.add(name);
            }
            if (!numeric && !dates) {
                texts.put(name, distinct);
            }
            cols.add(new Column(name, numeric && missing < n, missing, distinct.size(), firstText));
        }
        List<String> time = !dateLike.isEmpty() ? dateLike : integerTimeLike;
        // Long format: a text column whose values repeat while the time column repeats too.
        String series = null;
        if (time.size() == 1) {
            int t = header.indexOf(time.get(0));
            Set<String> seen = new HashSet<>();
            boolean repeats = false;
            for (CsvSeriesReader.RawRow r : raw) {
                String s = t == 0 ? r.time() : r.cells()[t - 1];
                repeats |= !seen.add(s);
            }
            if (repeats) {
                for (Map.Entry<String, Set<String>> e : texts.entrySet()) {
                    int size = e.getValue().size();
                    if (size > 1 && size < n && (series == null || header.indexOf(e.getKey()) < header.indexOf(series))) {
                        series = e.getKey();
                    }
                }
            }
        }
        return new CsvProfile(source, bytes, header, n, cols, time, series);
    }

    private static boolean isNumber(String s) {
        if (CsvSeriesReader.isPlainNumber(s)) {
            return true;
        }
        return Numbers.normalise(s, '.', ',') != null || Numbers.normalise(s, ',', '.') != null;
    }

    private static boolean looksLikeTime(String s) {
        TimeFormat f = TimeFormat.detect(s);
        if (f != null) {
            return f.kind != TimeFormat.Kind.INTEGER;
        }
        return !TimeFormats.candidates(List.of(new CsvSeriesReader.RawRow(0, s, new String[0]))).isEmpty();
    }

    public String source() {
        return source;
    }

    /** The file's bytes (standard input is read once). */
    public byte[] bytes() {
        return bytes.clone();
    }

    public List<String> header() {
        return header;
    }

    /** Data rows (empty lines not counted). */
    public int rows() {
        return rows;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The one column that looks like a time (dates, or integers in a column named like a time); null when none or several. */
    public String timeColumn() {
        return timeColumn;
    }

    /** The columns that look like times. */
    public List<String> timeCandidates() {
        return timeCandidates;
    }

    /** In a long-format file, the text column naming the series; null otherwise. */
    public String seriesColumn() {
        return seriesColumn;
    }

    /** Numeric columns other than {@code time}, in file order. */
    public List<String> numericColumns(String time) {
        List<String> out = new ArrayList<>();
        for (Column c : columns) {
            if (c.numeric() && !c.name().equals(time)) {
                out.add(c.name());
            }
        }
        return out;
    }

    /** The column named {@code name}. */
    public Column column(String name) {
        for (Column c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Invalid column = " + name + "; have " + header);
    }

    /** Reads the series of {@code time} and {@code values} from the profiled bytes. */
    public TimeSeries read(String time, List<String> values, ReadOptions options) {
        return CsvSeriesReader.read(new ByteArrayInputStream(bytes), source, time, values, options);
    }

    /** The decimal mark of the numeric columns as {@code data.decimal: auto} would detect it (POINT when they cannot tell). */
    public DecimalMark decimal(String time) {
        List<String> numeric = numericColumns(time);
        List<CsvSeriesReader.RawRow> raw = CsvSeriesReader.rawRows(bytes, source, header);
        List<CsvSeriesReader.RawRow> cells = new ArrayList<>(raw.size());
        int[] idx = numeric.stream().mapToInt(header::indexOf).toArray();
        for (CsvSeriesReader.RawRow r : raw) {
            String[] v = new String[idx.length];
            for (int k = 0; k < idx.length; k++) {
                v[k] = idx[k] == 0 ? r.time() : r.cells()[idx[k] - 1];
            }
            cells.add(new CsvSeriesReader.RawRow(r.line(), r.time(), v));
        }
        try {
            return Numbers.detect(source, cells, numeric, CsvSeriesReader.detectDelimiter(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
        } catch (org.seqcast.SeqcastException e) {
            return DecimalMark.AUTO; // the values cannot tell: reading reports it with the key to set
        }
    }

    /** "a, b, c" for messages. */
    public String describeHeader() {
        return String.join(", ", header);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %d rows, columns %s", source, rows, header);
    }
}
