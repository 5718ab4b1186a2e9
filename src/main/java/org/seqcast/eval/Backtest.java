package org.seqcast.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling-origin evaluation arithmetic, separate from any model: where each fold cuts the series, and
 * how forecasts made at those cuts score against the actuals, beside the naive, seasonal-naive and drift
 * baselines on the same folds. The folds' forecasts come from outside ({@link Fold#forecast}).
 */
public final class Backtest {
    /** The baselines scored beside the model. */
    public static final List<String> BASELINES = List.of("naive", "seasonal_naive", "drift");

    private Backtest() {
    }

    /**
     * The training lengths of {@code folds} origins {@code step} rows apart, the last one leaving exactly
     * {@code horizon} rows to forecast at the end of a series of {@code rows} rows; oldest first.
     */
    public static int[] cuts(int rows, int horizon, int folds, int step) {
        if (folds < 1) {
            throw new IllegalArgumentException("Invalid folds = " + folds);
        }
        if (step < 1) {
            throw new IllegalArgumentException("Invalid step = " + step);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("Invalid horizon = " + horizon);
        }
        int[] cuts = new int[folds];
        for (int f = 0; f < folds; f++) {
            cuts[f] = rows - horizon - (folds - 1 - f) * step;
            if (cuts[f] < 2) {
                throw new IllegalArgumentException("Invalid cut = " + cuts[f] + " for fold " + (f + 1) + " of " + folds);
            }
        }
        return cuts;
    }

    /**
     * One fold: the rows before the cut (history, oldest first), the actual values after it and the model's
     * forecast for them, per target: [target][step].
     */
    public record Fold(int cut, double[][] history, double[][] actual, double[][] forecast) {
    }

    /** Scores of the model and each baseline, per fold, per horizon step, and overall (all targets pooled). */
    public record Result(List<String> methods, List<Map<String, Scores>> perFold, List<Map<String, Scores>> perStep,
                         Map<String, Scores> overall) {
    }

    /** Scores the folds; {@code season} is the seasonal-naive lag for the baseline and for MASE. */
    public static Result score(List<Fold> folds, int season) {
        List<String> methods = new ArrayList<>();
        methods.add("model");
        methods.addAll(BASELINES);
        int h = folds.get(0).actual()[0].length;
        // per method: pooled actual/forecast/scale triples
        Map<String, Pool> overall = new LinkedHashMap<>();
        List<Map<String, Pool>> steps = new ArrayList<>();
        for (int s = 0; s < h; s++) {
            steps.add(new LinkedHashMap<>());
        }
        List<Map<String, Scores>> perFold = new ArrayList<>();
        for (Fold f : folds) {
            Map<String, Pool> foldPools = new LinkedHashMap<>();
            for (int k = 0; k < f.actual().length; k++) {
                double[] hist = f.history()[k];
                double scale = season < hist.length ? Metrics.seasonalNaiveScale(hist, season) : Double.NaN;
                Map<String, double[]> fc = new LinkedHashMap<>();
                fc.put("model", f.forecast()[k]);
                fc.put("naive", Baselines.naive(hist, h));
                fc.put("seasonal_naive", Baselines.seasonalNaive(hist, h, season));
                fc.put("drift", Baselines.drift(hist, h));
                for (Map.Entry<String, double[]> e : fc.entrySet()) {
                    for (int s = 0; s < h; s++) {
                        double a = f.actual()[k][s];
                        double p = e.getValue()[s];
                        foldPools.computeIfAbsent(e.getKey(), x -> new Pool()).add(a, p, scale);
                        overall.computeIfAbsent(e.getKey(), x -> new Pool()).add(a, p, scale);
                        steps.get(s).computeIfAbsent(e.getKey(), x -> new Pool()).add(a, p, scale);
                    }
                }
            }
            perFold.add(scores(foldPools));
        }
        List<Map<String, Scores>> perStep = new ArrayList<>();
        for (Map<String, Pool> p : steps) {
            perStep.add(scores(p));
        }
        return new Result(methods, perFold, perStep, scores(overall));
    }

    private static Map<String, Scores> scores(Map<String, Pool> pools) {
        Map<String, Scores> out = new LinkedHashMap<>();
        pools.forEach((k, v) -> out.put(k, v.scores()));
        return out;
    }

    /** Pooled pairs; MASE scales each absolute error by its own series' scale. */
    private static final class Pool {
        private double[] a = new double[8];
        private double[] p = new double[8];
        private double[] s = new double[8];
        private int n;

        void add(double actual, double forecast, double scale) {
            if (n == a.length) {
                a = Arrays.copyOf(a, 2 * n);
                p = Arrays.copyOf(p, 2 * n);
                s = Arrays.copyOf(s, 2 * n);
            }
            a[n] = actual;
            p[n] = forecast;
            s[n] = scale;
            n++;
        }

        Scores scores() {
            double[] aa = Arrays.copyOf(a, n);
            double[] pp = Arrays.copyOf(p, n);
            double scaled = 0;
            for (int i = 0; i < n; i++) {
                scaled += Math.abs(aa[i] - pp[i]) / s[i];
            }
            Scores base = Scores.of(aa, pp, 0);
            return new Scores(base.mae(), base.rmse(), base.mape(), base.smape(), scaled / n);
        }
    }
}
