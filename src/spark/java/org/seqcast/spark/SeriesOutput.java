package org.seqcast.spark;

import java.io.Serializable;
import java.util.List;

/**
 * One series' results as the output tables hold them.
 *
 * @param ok       whether the series was forecast
 * @param summary  its summary row (the summary header's columns)
 * @param forecast its forecast rows (series column, then the forecast header's columns); empty unless ok
 * @param model    its model file's bytes with {@code --save-models}, else null
 */
public record SeriesOutput(String id, boolean ok, List<String> summary, List<List<String>> forecast, byte[] model) implements Serializable {
    public SeriesOutput {
        summary = List.copyOf(summary);
        forecast = forecast.stream().map(List::copyOf).toList();
    }
}
