package org.seqcast.cli;

import picocli.CommandLine.Option;

/**
 * {@code --series-column COL}: the input is a long-format CSV (one row per series and time) whose column COL names the
 * series. Declared once for {@code batch}, {@code train} (a global train over every series), {@code predict} and
 * {@code backtest}, so that the option reads and means the same in each.
 */
public final class LongFormatMixin {
    @Option(names = "--series-column", paramLabel = "COL", description = "The input is a long-format CSV whose column COL names the series"
            + " (one row per series and time).")
    String seriesColumn;

    /** The series column, or null for a single-series (or wide) input. */
    public String seriesColumn() {
        return seriesColumn;
    }
}
