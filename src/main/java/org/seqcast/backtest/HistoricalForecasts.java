package org.seqcast.backtest;

import org.seqcast.eval.Baselines;
import org.seqcast.eval.Metrics;
import org.seqcast.eval.Scores;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqcast.Parallel;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Forecast;
import org.seqcast.forecast.ForecastMethod;
import org.seqcast.forecast.Method;

/**
 * The historical-forecasts engine: forecasts a series from several origins ("cuts": the number of rows
 * known at the origin) with the model and the baselines, and keeps each forecast beside the actual values
 * that followed. Every scoring path of seqcast runs through it: train's validation windows (the model
 * fitted once, never refit), {@code backtest} (refit at every origin, or once), {@code evaluate} (a saved
 * model, never refit), {@code batch --evaluate} and {@code --global} (one origin, refit on the history).
 * {@link Backtest#score} turns the result into scores.
 */
public final class HistoricalForecasts {

    /** When the model is trained: at every origin, once at the first, or never (it is given). */
    public enum Refit {
        EVERY_ORIGIN, ONCE, NEVER
    }

    /** Trains the model on a history (the rows before an origin). */
    @FunctionalInterface
    public interface Fitting {
        ForecastMethod fit(TimeSeries history);
    }

    /** What to forecast from where: the cuts (rows before each origin, ascending), the horizon, the targets and the season. */
    public record Origins(int[] cuts, int horizon, List<String> targets, int season) {
        public Origins {
            cuts = cuts.clone();
            targets = List.copyOf(targets);
            for (int i = 0; i < cuts.length; i++) {
                if (cuts[i] < 1 || (i > 0 && cuts[i] <= cuts[i - 1])) {
                    throw new IllegalArgumentException("Invalid cuts: " + java.util.Arrays.toString(cuts));
                }
            }
            if (horizon < 1 || season < 1 || targets.isEmpty()) {
                throw new IllegalArgumentException("Invalid origins: horizon = " + horizon + ", season = " + season + ", targets = " + targets);
            }
        }
    }

    private HistoricalForecasts() {
    }

    /**
     * Forecasts from every origin with a model that is already trained (refit never) and the baselines.
     */
    public static List<Backtest.Fold> run(TimeSeries series, Origins origins, ForecastMethod model) {
        List<Backtest.Fold> out = new ArrayList<>();
        for (int cut : origins.cuts()) {
            out.add(fold(series, origins, cut, model));
        }
        return out;
    }

    /**
     * Forecasts from every origin with a model trained by {@code fitting} on the rows before the origin
     * ({@link Refit#EVERY_ORIGIN}, origins trained on {@code workers} threads) or before the first origin
     * only ({@link Refit#ONCE}), and the baselines. {@link Refit#NEVER} needs the {@link #run(TimeSeries, Origins,
     * ForecastMethod)} form.
     */
    public static List<Backtest.Fold> run(TimeSeries series, Origins origins, Fitting fitting, Refit refit, int workers) {
        int[] cuts = origins.cuts();
        switch (refit) {
            case NEVER -> throw new IllegalArgumentException("Invalid refit = NEVER without a fitted model");
            case ONCE -> {
                return run(series, origins, fitting.fit(series.slice(0, cuts[0])));
            }
            default -> {
            }
        }
        List<Integer> list = java.util.Arrays.stream(cuts).boxed().toList();
        return Parallel.map(list, workers, "seqcast-origin", cut -> fold(series, origins, cut, fitting.fit(series.slice(0, cut))));
    }

    /** The model's and the baselines' forecasts from one origin, beside the actual values. */
    static Backtest.Fold fold(TimeSeries series, Origins origins, int cut, ForecastMethod model) {
        int h = origins.horizon();
        int k = origins.targets().size();
        if (cut + h > series.length()) {
            throw new IllegalArgumentException("Invalid origin after row " + cut + ": " + h + " steps pass the end of " + series.length() + " rows");
        }
        TimeSeries history = series.slice(0, cut);
        Map<Method, Forecast> forecasts = new LinkedHashMap<>();
        Forecast m = model.forecast(history, series.slice(cut, cut + h)); // a model reads only its known columns there
        if (m.horizon() != h) {
            throw new IllegalArgumentException("Invalid model horizon = " + m.horizon() + " for origins of horizon " + h);
        }
        forecasts.put(model.method(), m);
        for (ForecastMethod b : BaselineMethod.all(origins.targets(), h, origins.season())) {
            forecasts.put(b.method(), b.forecast(history));
        }
        double[][] actual = new double[k][h];
        double[] scale = new double[k];
        for (int c = 0; c < k; c++) {
            double[] col = series.column(origins.targets().get(c));
            for (int s = 0; s < h; s++) {
                actual[c][s] = col[cut + s];
            }
            scale[c] = Metrics.maseScale(history.column(origins.targets().get(c)), origins.season());
        }
        return new Backtest.Fold(cut, actual, scale, forecasts);
    }
}
