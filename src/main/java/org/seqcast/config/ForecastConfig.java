package org.seqcast.config;

import java.util.List;

/**
 * The {@code forecast} section.
 *
 * @param intervals prediction interval levels in percent, each in 1..99, distinct; empty for point forecasts
 * @param shrink scale each step's predicted change from the last value by a factor in [0, 1] fitted on the validation windows
 */
public record ForecastConfig(List<Integer> intervals, boolean shrink) {

    public ForecastConfig {
        ConfigSchema.check(ForecastConfig.class, intervals, shrink);
        intervals = List.copyOf(intervals);
    }
}
