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

    /** A long-format input: the config with its columns resolved, and the series split out of the file. */
    record Input(org.seqcast.config.SeqcastConfig cfg, org.seqcast.batch.SeriesSource source) {
    }

    /**
     * Reads the long-format {@code path} ({@code -} = stdin) with the config's reading keys, data.time_column and
     * data.target taken from the header when the config leaves them unset (said through {@code info}), as batch does.
     */
    Input read(org.seqcast.config.SeqcastConfig cfg, String path, java.util.function.Consumer<String> info) {
        org.seqcast.config.SeqcastConfig c = columns(cfg, path, info);
        return new Input(c, org.seqcast.batch.SeriesSource.longFormat(path, seriesColumn, c.data().timeColumn(),
                org.seqcast.batch.BatchColumns.valueColumns(c), org.seqcast.data.ReadOptions.of(c.data())));
    }

    /** The config with data.time_column and data.target taken from the header of {@code path} when not set. */
    org.seqcast.config.SeqcastConfig columns(org.seqcast.config.SeqcastConfig cfg, String path, java.util.function.Consumer<String> info) {
        if (cfg.data().timeColumn() != null && !cfg.data().target().isEmpty()) {
            return cfg;
        }
        if ("-".equals(path)) {
            throw org.seqcast.SeqcastException.config("data.time_column and data.target must be set when the long-format input is stdin; "
                    + "e.g. --set data.time_column=day --set data.target=close");
        }
        org.seqcast.config.SeqcastConfig c = org.seqcast.batch.BatchColumns.withColumns(cfg, org.seqcast.data.CsvSeriesReader.header(path),
                seriesColumn, path);
        info.accept("columns from the header of " + path + ": time '" + c.data().timeColumn() + "', target " + c.data().target()
                + " (set data.time_column / data.target to choose)");
        return c;
    }
}
