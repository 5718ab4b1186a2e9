package org.seqcast.forecast;

import java.util.List;

/**
 * A multi-step forecast: {@code horizon} future timestamps and, per step and target, the point
 * forecast and the bounds of each prediction interval level.
 *
 * @param values  values[step][target]
 * @param lower   per interval level (same order as {@code levels}): lower[level][step][target]
 * @param upper   likewise for the upper bounds
 */
public record Forecast(String timeColumn, List<String> times, List<String> targets, double[][] values,
                       List<Integer> levels, double[][][] lower, double[][][] upper) {
    public Forecast {
        times = List.copyOf(times);
        targets = List.copyOf(targets);
        levels = List.copyOf(levels);
        if (values.length != times.size()) {
            throw new IllegalArgumentException("Invalid forecast: " + values.length + " steps for " + times.size() + " times");
        }
    }

    public int horizon() {
        return times.size();
    }

    /** The column names of the forecast CSV: time, each target, then its interval bounds. */
    public List<String> header() {
        List<String> h = new java.util.ArrayList<>();
        h.add(timeColumn);
        for (String t : targets) {
            h.add(t);
            for (int level : levels) {
                h.add(t + "_lo" + level);
                h.add(t + "_hi" + level);
            }
        }
        return h;
    }
}
