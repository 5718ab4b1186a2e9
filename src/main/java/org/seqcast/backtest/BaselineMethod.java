package org.seqcast.backtest;

import org.seqcast.eval.Baselines;
import org.seqcast.eval.Metrics;
import org.seqcast.eval.Scores;

import java.util.List;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Forecast;
import org.seqcast.forecast.ForecastMethod;
import org.seqcast.forecast.Method;

/**
 * A baseline as a {@link ForecastMethod}: naive, seasonal naive (lag {@code season}) or drift, per target,
 * {@code horizon} steps, no intervals. Needs no training.
 */
public record BaselineMethod(Method method, List<String> targets, int horizon, int season) implements ForecastMethod {
    /** The baselines every evaluation scores beside the model, in report order. */
    public static final List<Method> ALL = List.of(Method.NAIVE, Method.SEASONAL_NAIVE, Method.DRIFT);

    public BaselineMethod {
        if (method == Method.MODEL) {
            throw new IllegalArgumentException("Invalid baseline = " + method);
        }
        targets = List.copyOf(targets);
        if (targets.isEmpty() || horizon < 1 || season < 1) {
            throw new IllegalArgumentException("Invalid baseline: targets = " + targets + ", horizon = " + horizon + ", season = " + season);
        }
    }

    /** Every baseline of {@link #ALL} for these targets, horizon and season. */
    public static List<ForecastMethod> all(List<String> targets, int horizon, int season) {
        return ALL.stream().<ForecastMethod>map(m -> new BaselineMethod(m, targets, horizon, season)).toList();
    }

    @Override
    public Forecast forecast(TimeSeries history) {
        double[][] values = new double[horizon][targets.size()];
        for (int k = 0; k < targets.size(); k++) {
            double[] h = history.column(targets.get(k));
            double[] f = switch (method) {
                case NAIVE -> Baselines.naive(h, horizon);
                case SEASONAL_NAIVE -> Baselines.seasonalNaive(h, horizon, season);
                case DRIFT -> Baselines.drift(h, horizon);
                case THETA -> Baselines.theta(h, horizon, season);
                case MODEL -> throw new IllegalStateException("not a baseline");
            };
            for (int s = 0; s < horizon; s++) {
                values[s][k] = f[s];
            }
        }
        return new Forecast(history.timeColumn(), history.futureTimes(horizon), targets, values, List.of(), new double[0][][],
                new double[0][][]);
    }
}
