package org.seqcast.config;

import java.util.List;

/**
 * The {@code forecast} section.
 *
 * @param intervals prediction interval levels in percent, each in 1..99, distinct; empty for point forecasts
 * @param shrink scale each step's predicted change from the last value by a factor in [0, 1] fitted on the validation windows
 * @param strategy whether the network outputs every horizon step at once or the next step, rolled forward
 * @param combine whether the point forecast is combined with automatic exponential smoothing's (auto: unless the windows reach ahead)
 */
public record ForecastConfig(List<Integer> intervals, boolean shrink, Strategy strategy, Combine combine) {

    public ForecastConfig {
        ConfigSchema.check(ForecastConfig.class, intervals, shrink, strategy, combine);
        intervals = List.copyOf(intervals);
    }

    /** Whether the network forecasts one step and is rolled forward. */
    public boolean recursive() {
        return strategy == Strategy.RECURSIVE;
    }
}
