package org.seqcast.config;

import java.util.List;

/**
 * The {@code forecast} section.
 *
 * @param intervals prediction interval levels in percent, each in 1..99, distinct; empty for point forecasts
 */
public record ForecastConfig(List<Integer> intervals) {

    public ForecastConfig {
        ConfigSchema.check(ForecastConfig.class, intervals);
        intervals = List.copyOf(intervals);
    }
}
