package org.seqcast.cli;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.seqcast.SeqcastException;
import org.seqcast.data.AutoDefaults;
import org.seqcast.config.DataConfig;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.CsvProfile;
import org.seqcast.data.CsvSeriesReader;
import org.seqcast.data.ReadOptions;
import org.seqcast.data.TimeSeries;

/**
 * Loads the series a config names, passing the reader's warnings (gaps, fills) to stderr; guesses the time
 * column and target when the config leaves them unset and the file tells (one time-like column, one numeric
 * column), and resolves the keys whose default follows the data ({@code window.horizon: auto}).
 */
final class SeriesLoading {
    private SeriesLoading() {
    }

    /** A config with every data-dependent key resolved, and its series. */
    record Prepared(SeqcastConfig cfg, TimeSeries series) {
    }

    /** An input read once, whole (bounded): a FIFO, a pipe or {@code <(zcat x.gz)} can be read only once. */
    record Input(String source, byte[] bytes) {
        List<String> header() {
            return CsvSeriesReader.header(bytes, source);
        }
    }

    /** Reads {@code -i} ({@code -} = standard input) once. */
    static Input readOnce(String pathOrDash) {
        String source = CsvSeriesReader.name(pathOrDash);
        return new Input(source, CsvSeriesReader.bytes(CsvSeriesReader.open(pathOrDash), source));
    }

    static TimeSeries load(Input in, String timeColumn, List<String> targets, List<String> features, ReadOptions options,
                           Consumer<String> warn) {
        List<String> cols = new ArrayList<>(targets);
        cols.addAll(features);
        return warned(CsvSeriesReader.read(new ByteArrayInputStream(in.bytes()), in.source(), timeColumn, cols, options), warn);
    }

    static TimeSeries load(String path, String timeColumn, List<String> targets, List<String> features, ReadOptions options,
                           Consumer<String> warn) {
        List<String> cols = new ArrayList<>(targets);
        cols.addAll(features);
        return warned(CsvSeriesReader.read(path, timeColumn, cols, options), warn);
    }

    private static TimeSeries warned(TimeSeries s, Consumer<String> warn) {
        for (String w : s.warnings()) {
            warn.accept("warning: " + w);
        }
        return s;
    }

    static TimeSeries load(SeqcastConfig cfg, String resolvedPath, Consumer<String> warn) {
        List<String> extra = new ArrayList<>(cfg.data().features());
        extra.addAll(cfg.data().known());
        return load(resolvedPath, cfg.data().timeColumn(), cfg.data().target(), extra, ReadOptions.of(cfg.data()), warn);
    }

    /**
     * {@code series} with the future rows of {@code --future FILE} (time column and the known columns; they replace
     * any future rows of the data file), or as it is without the option.
     */
    static TimeSeries withFuture(TimeSeries series, String futurePath, String timeColumn, List<String> known, ReadOptions options,
                                 Consumer<String> warn) {
        if (futurePath == null) {
            return series;
        }
        if (known.isEmpty()) {
            throw SeqcastException.config("--future " + futurePath + ": the model reads no inputs known in advance (data.known is empty); "
                    + "drop --future, or train with data.known naming its columns");
        }
        if (series.future() != null) {
            warn.accept("warning: the " + series.future().length() + " future rows of " + series.source() + " are replaced by --future "
                    + futurePath);
        }
        return series.withFuture(warned(CsvSeriesReader.read(futurePath, timeColumn, known, options.withoutFuture()), warn));
    }

    /**
     * Reads the series of {@code cfg} (data.path resolved by {@code cm}), guessing data.time_column and
     * data.target when unset and unambiguous, and resolves window.horizon: auto from its frequency.
     */
    static Prepared prepare(SeqcastConfig cfg, ConfigMixin cm, Consumer<String> info) {
        DataConfig d = cfg.data();
        if (d.path() == null) {
            throw SeqcastException.config("data.path is not set; give it in the config file or with --set data.path=FILE "
                    + "(seqcast init FILE writes a starter config)");
        }
        String path = cm.resolveDataPath(d.path());
        TimeSeries series;
        if (d.timeColumn() == null || d.target().isEmpty()) {
            CsvProfile p = CsvProfile.inspect(CsvSeriesReader.readAll(path), CsvSeriesReader.sourceName(path));
            d = guess(d, p, info);
            cfg = cfg.withData(d);
            series = warned(p.read(d.timeColumn(), d.columns(), ReadOptions.of(d)), info);
        } else {
            try {
                series = load(cfg, path, info);
            } catch (SeqcastException e) {
                throw longFormatHint(e, path);
            }
        }
        return new Prepared(AutoDefaults.resolve(cfg, series.frequency(), series.length()), series);
    }

    /** A duplicate-time error on a long-format file, with the batch command that reads it. */
    private static SeqcastException longFormatHint(SeqcastException e, String path) {
        if (e.kind() != SeqcastException.Kind.DATA || !e.getMessage().contains("duplicate time") || "-".equals(path)) {
            return e;
        }
        CsvProfile p;
        try {
            p = CsvProfile.inspect(CsvSeriesReader.readAll(path), path);
        } catch (SeqcastException again) {
            return e;
        }
        if (p.seriesColumn() == null) {
            return e;
        }
        return SeqcastException.data(e.getMessage() + "; " + longFormat(p, path));
    }

    private static String longFormat(CsvProfile p, String path) {
        return "the file looks like long format (several series, named in column '" + p.seriesColumn() + "'): forecast each with "
                + "seqcast batch --input " + path + " --series-column " + p.seriesColumn() + " --out DIR";
    }

    /** The data section with the time column and target guessed from the file where unset; errors list the columns. */
    static DataConfig guess(DataConfig d, CsvProfile p, Consumer<String> info) {
        String path = p.source();
        if (p.seriesColumn() != null && (d.timeColumn() == null || d.target().isEmpty())) {
            throw SeqcastException.data(path + ": " + longFormat(p, path));
        }
        String time = d.timeColumn();
        List<String> guessed = new ArrayList<>();
        if (time == null) {
            time = p.timeColumn();
            if (time == null) {
                String why = p.timeCandidates().isEmpty() ? "no column looks like a time"
                        : "columns " + String.join(" and ", p.timeCandidates()) + " all look like times";
                throw SeqcastException.config("data.time_column is not set and " + why + "; set it with --set data.time_column=COLUMN "
                        + "(" + path + " has " + p.describeHeader() + ")");
            }
            guessed.add("data.time_column=" + time);
        }
        List<String> target = d.target();
        if (target.isEmpty()) {
            List<String> numeric = new ArrayList<>(p.numericColumns(time));
            numeric.removeAll(d.features());
            if (numeric.size() != 1) {
                String what = numeric.isEmpty() ? "no numeric column besides the time"
                        : numeric.size() + " numeric columns (" + String.join(", ", numeric) + ")";
                String batch = numeric.size() > 1 ? ", or forecast each column as its own series with seqcast batch --input " + path
                        + " --per-column --out DIR" : "";
                throw SeqcastException.config("data.target is not set and " + path + " has " + what + "; set it with --set data.target="
                        + (numeric.isEmpty() ? "COLUMN" : numeric.get(0)) + " (or a list [a,b])" + batch + " (" + path + " has "
                        + p.describeHeader() + ")");
            }
            target = numeric;
            guessed.add("data.target=" + numeric.get(0));
        }
        info.accept("guessed " + String.join(", ", guessed) + " from " + path + " (set them to make it explicit)");
        return d.withColumns(time, target);
    }
}
