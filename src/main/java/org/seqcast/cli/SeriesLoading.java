package org.seqcast.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.CsvSeriesReader;
import org.seqcast.data.ReadOptions;
import org.seqcast.data.TimeSeries;

/** Loads the series a config names, passing the reader's warnings (gaps, fills) to stderr. */
final class SeriesLoading {
    private SeriesLoading() {
    }

    static TimeSeries load(String path, String timeColumn, List<String> targets, List<String> features, ReadOptions missing,
                           Consumer<String> warn) {
        List<String> cols = new ArrayList<>(targets);
        cols.addAll(features);
        TimeSeries s = CsvSeriesReader.read(path, timeColumn, cols, missing);
        for (String w : s.warnings()) {
            warn.accept("warning: " + w);
        }
        return s;
    }

    static TimeSeries load(SeqcastConfig cfg, String resolvedPath, Consumer<String> warn) {
        return load(resolvedPath, cfg.data().timeColumn(), cfg.data().target(), cfg.data().features(), cfg.data().readOptions(), warn);
    }
}
