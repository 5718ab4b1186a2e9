package org.seqcast.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An immutable, regularly indexed multivariate series read from a CSV: the time index, its inferred
 * frequency, value columns in the requested order, the hash of the raw input, and the reader's notes.
 */
public final class TimeSeries {
    private final String source;
    private final String timeColumn;
    private final TimeIndex index;
    private final Frequency frequency;
    private final List<String> columns;
    private final double[][] values; // [column][row]
    private final String sha256;
    private final int rawRows;
    private final List<String> warnings;
    private final Gaps gaps;
    private TimeSeries future; // set once by withFuture on a fresh copy; never changed after

    /**
     * The missing times of the file as read (before data.missing inserted or read across them).
     *
     * @param count gaps (runs of missing times, or intervals off the frequency's grid)
     * @param missingTimes missing times in all (not counting irregular intervals)
     * @param irregular intervals that are not a whole number of steps
     */
    public record Gaps(int count, long missingTimes, int irregular) {
        static final Gaps NONE = new Gaps(0, 0, 0);
    }

    TimeSeries(String source, String timeColumn, TimeIndex index, Frequency frequency, List<String> columns, double[][] values,
               String sha256, int rawRows, List<String> warnings) {
        this(source, timeColumn, index, frequency, columns, values, sha256, rawRows, warnings, Gaps.NONE);
    }

    TimeSeries(String source, String timeColumn, TimeIndex index, Frequency frequency, List<String> columns, double[][] values,
               String sha256, int rawRows, List<String> warnings, Gaps gaps) {
        this.gaps = gaps;
        this.source = source;
        this.timeColumn = timeColumn;
        this.index = index;
        this.frequency = frequency;
        this.columns = List.copyOf(columns);
        this.values = values;
        this.sha256 = sha256;
        this.rawRows = rawRows;
        this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
        for (double[] col : values) {
            if (col.length != index.size()) {
                throw new IllegalArgumentException("Invalid column length = " + col.length + " for " + index.size() + " times");
            }
        }
    }

    /** The file path as given, or {@code <stdin>}. */
    public String source() {
        return source;
    }

    public String timeColumn() {
        return timeColumn;
    }

    public TimeIndex index() {
        return index;
    }

    public Frequency frequency() {
        return frequency;
    }

    /** The value columns, in the order requested. */
    public List<String> columns() {
        return columns;
    }

    /** A copy of one value column. */
    public double[] column(String name) {
        int c = columns.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("Invalid column = " + name + "; have " + columns);
        }
        return values[c].clone();
    }

    public double value(int column, int row) {
        return values[column][row];
    }

    public int length() {
        return index.size();
    }

    /** SHA-256 (hex) of the raw input bytes. */
    public String sha256() {
        return sha256;
    }

    /** Data rows in the input (before rows were dropped or gap rows inserted). */
    public int rawRows() {
        return rawRows;
    }

    /** Human-readable notes: gaps, filled or dropped cells, sorting. */
    public List<String> warnings() {
        return warnings;
    }

    /** The gaps in time of the file as read. */
    public Gaps gaps() {
        return gaps;
    }

    public String firstTime() {
        return index.label(0);
    }

    public String lastTime() {
        return index.label(length() - 1);
    }

    /** The {@code h} timestamps after the last row, formatted like the input. */
    public List<String> futureTimes(int h) {
        return index.future(h);
    }

    /**
     * The rows after the last observed target that carry inputs known in advance (the CSV's trailing rows with
     * empty target cells, or a {@code --future} file), or null when there are none. Not kept by {@link #slice}.
     */
    public TimeSeries future() {
        return future;
    }

    /** The same series with {@code f} as its future rows (null: none). */
    public TimeSeries withFuture(TimeSeries f) {
        TimeSeries s = new TimeSeries(source, timeColumn, index, frequency, columns, values, sha256, rawRows, warnings, gaps);
        s.future = f;
        return s;
    }

    /** The same series with its value columns named {@code names} (e.g. one column of a wide file as "value"). */
    public TimeSeries renamed(List<String> names) {
        if (names.size() != columns.size()) {
            throw new IllegalArgumentException("Invalid names = " + names + " for columns " + columns);
        }
        TimeSeries s = new TimeSeries(source, timeColumn, index, frequency, names, values, sha256, rawRows, warnings, gaps);
        s.future = future;
        return s;
    }

    /** Rows [from, to) with the same metadata. */
    public TimeSeries slice(int fromInclusive, int toExclusive) {
        if (fromInclusive < 0 || toExclusive > length() || fromInclusive >= toExclusive) {
            throw new IllegalArgumentException("Invalid slice = [" + fromInclusive + ", " + toExclusive + ") of " + length() + " rows");
        }
        double[][] v = new double[values.length][];
        for (int c = 0; c < values.length; c++) {
            v[c] = java.util.Arrays.copyOfRange(values[c], fromInclusive, toExclusive);
        }
        return new TimeSeries(source, timeColumn, index.slice(fromInclusive, toExclusive), frequency, columns, v, sha256, rawRows,
                warnings, gaps);
    }

    /** A series built in memory (tests, batch long-format splitting); positions must be regular or gapped, ascending. */
    public static TimeSeries of(String source, String timeColumn, TimeIndex index, Frequency frequency, List<String> columns,
                                double[][] values, String sha256) {
        double[][] copy = new double[values.length][];
        for (int c = 0; c < values.length; c++) {
            copy[c] = values[c].clone();
        }
        return new TimeSeries(source, timeColumn, index, frequency, columns, copy, sha256, index.size(), List.of());
    }
}
