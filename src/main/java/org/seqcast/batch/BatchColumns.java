package org.seqcast.batch;

import java.util.ArrayList;
import java.util.List;
import org.seqcast.SeqcastException;
import org.seqcast.config.DataConfig;
import org.seqcast.config.SeqcastConfig;

/**
 * The columns of a batch, shared by {@code seqcast batch} and the Spark job: the time column and targets
 * a config leaves unset (taken from the input's header), the value columns read per series, and the
 * columns of each series' forecast rows.
 */
public final class BatchColumns {
    private BatchColumns() {
    }

    /**
     * The config with data.time_column and data.target taken from the input's header when not set: the time
     * is the first column other than the series column, the targets all other columns but the features.
     *
     * @param seriesColumn the long format's series column, or null for one series per file
     * @param source       the input named in errors
     */
    public static SeqcastConfig withColumns(SeqcastConfig cfg, List<String> header, String seriesColumn, String source) {
        DataConfig d = cfg.data();
        if (d.timeColumn() != null && !d.target().isEmpty()) {
            return cfg;
        }
        String time = d.timeColumn();
        if (time == null) {
            time = header.stream().filter(h -> !h.equals(seriesColumn)).findFirst().orElseThrow(() -> SeqcastException.data(
                    source + ": the header has no column for the time; set data.time_column"));
        }
        List<String> target = d.target();
        if (target.isEmpty()) {
            final String t = time;
            target = header.stream().filter(h -> !h.equals(t) && !h.equals(seriesColumn) && !d.features().contains(h)
                    && !d.known().contains(h)).toList();
            if (target.isEmpty()) {
                throw SeqcastException.data(source + ": the header " + header + " has no value column besides the time"
                        + (seriesColumn != null ? " and series" : "") + " column; set data.target");
            }
        }
        return cfg.withData(d.withColumns(time, target)); // keeps data.time_format and data.decimal
    }

    /** The columns read for each series: the targets, the features, then the known columns. */
    public static List<String> valueColumns(SeqcastConfig cfg) {
        return cfg.data().columns();
    }

    /** The columns of a series' forecast rows after the series column: time, then per target its value and interval bounds. */
    public static List<String> forecastHeader(SeqcastConfig cfg) {
        List<String> h = new ArrayList<>();
        h.add(cfg.data().timeColumn());
        for (String t : cfg.data().target()) {
            h.add(t);
            for (int level : cfg.forecast().intervals()) {
                h.add(t + "_lo" + level);
                h.add(t + "_hi" + level);
            }
        }
        return h;
    }
}
