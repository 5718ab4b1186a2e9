package org.seqcast.cli;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.CsvSeriesReader;
import org.seqcast.config.MissingPolicy;
import org.seqcast.data.TimeSeries;

/** Loads the series a config names, passing the reader's warnings (gaps, fills) to stderr. */
final class SeriesLoading {
    private SeriesLoading() {
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

    static TimeSeries load(Input in, String timeColumn, List<String> targets, List<String> features, MissingPolicy missing,
                           Consumer<String> warn) {
        List<String> cols = new ArrayList<>(targets);
        cols.addAll(features);
        return warned(CsvSeriesReader.read(new ByteArrayInputStream(in.bytes()), in.source(), timeColumn, cols, missing), warn);
    }

    static TimeSeries load(String path, String timeColumn, List<String> targets, List<String> features, MissingPolicy missing,
                           Consumer<String> warn) {
        List<String> cols = new ArrayList<>(targets);
        cols.addAll(features);
        return warned(CsvSeriesReader.read(path, timeColumn, cols, missing), warn);
    }

    private static TimeSeries warned(TimeSeries s, Consumer<String> warn) {
        for (String w : s.warnings()) {
            warn.accept("warning: " + w);
        }
        return s;
    }

    static TimeSeries load(SeqcastConfig cfg, String resolvedPath, Consumer<String> warn) {
        return load(resolvedPath, cfg.data().timeColumn(), cfg.data().target(), cfg.data().features(), cfg.data().missing(), warn);
    }
}
