package org.seqcast.backtest;

import org.seqcast.eval.Baselines;
import org.seqcast.eval.Metrics;
import org.seqcast.eval.Scores;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqcast.forecast.Forecast;
import org.seqcast.forecast.Method;

/**
 * Rolling-origin evaluation arithmetic, separate from any model: where each fold cuts the series, and how
 * the forecasts made at those cuts ({@link HistoricalForecasts}) score against the actuals, for the model and
 * the baselines on the same folds: per fold, per horizon step, per target and overall, with the model's
 * interval coverage.
 */
public final class Backtest {
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
     * One origin: the rows before it ({@code cut}), the actual values after it [target][step], the MASE
     * scale of each target's history, and each method's forecast from it.
     */
    public record Fold(int cut, double[][] actual, double[] scale, Map<Method, Forecast> forecasts) {
        public Fold {
            forecasts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(forecasts));
            if (!forecasts.containsKey(Method.MODEL)) {
                throw new IllegalArgumentException("Invalid fold without a model forecast at cut " + cut);
            }
        }

        /** The model's forecast. */
        public Forecast model() {
            return forecasts.get(Method.MODEL);
        }

        /** Method {@code m}'s forecast of target {@code k} at step {@code s}. */
        public double value(Method m, int s, int k) {
            return forecasts.get(m).values()[s][k];
        }
    }

    /** How often the actual value fell inside the model's interval of each level. */
    public record Coverage(int level, double fraction, int pairs) {
    }

    /**
     * Scores of every method per fold, per horizon step, per target and overall (targets pooled), in the
     * order the folds list them (model first), and the model's interval coverage.
     */
    public record Result(List<Method> methods, List<Map<Method, Scores>> perFold, List<Map<Method, Scores>> perStep,
                         List<Map<Method, Scores>> perTarget, Map<Method, Scores> overall, List<Coverage> coverage) {
    }

    /** Scores the folds (at least one, all of one horizon and target list). */
    public static Result score(List<Fold> folds) {
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("Invalid folds: none");
        }
        List<Method> methods = List.copyOf(folds.get(0).forecasts().keySet());
        int k = folds.get(0).actual().length;
        int h = folds.get(0).actual()[0].length;
        Map<Method, Pool> overall = pools(methods);
        List<Map<Method, Pool>> steps = new ArrayList<>();
        for (int s = 0; s < h; s++) {
            steps.add(pools(methods));
        }
        List<Map<Method, Pool>> targets = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            targets.add(pools(methods));
        }
        List<Integer> levels = folds.get(0).model().levels();
        int[] inside = new int[levels.size()];
        int pairs = 0;
        List<Map<Method, Scores>> perFold = new ArrayList<>();
        for (Fold f : folds) {
            Map<Method, Pool> fold = pools(methods);
            Forecast model = f.model();
            for (int c = 0; c < k; c++) {
                for (int s = 0; s < h; s++) {
                    double a = f.actual()[c][s];
                    for (Method m : methods) {
                        double p = f.value(m, s, c);
                        double scale = f.scale()[c];
                        fold.get(m).add(a, p, scale);
                        overall.get(m).add(a, p, scale);
                        steps.get(s).get(m).add(a, p, scale);
                        targets.get(c).get(m).add(a, p, scale);
                    }
                    for (int l = 0; l < levels.size(); l++) {
                        if (a >= model.lower()[l][s][c] && a <= model.upper()[l][s][c]) {
                            inside[l]++;
                        }
                    }
                    pairs++;
                }
            }
            perFold.add(scores(fold));
        }
        List<Coverage> coverage = new ArrayList<>();
        for (int l = 0; l < levels.size(); l++) {
            coverage.add(new Coverage(levels.get(l), (double) inside[l] / pairs, pairs));
        }
        return new Result(methods, perFold, steps.stream().map(Backtest::scores).toList(), targets.stream().map(Backtest::scores).toList(),
                scores(overall), coverage);
    }

    /**
     * The model's residuals per horizon step and target over the folds, [step][target][fold]: actual minus
     * forecast, or log(actual) - log(forecast) with {@code logUnits} (what interval calibration takes).
     */
    public static double[][][] residuals(List<Fold> folds, boolean logUnits) {
        int k = folds.get(0).actual().length;
        int h = folds.get(0).actual()[0].length;
        double[][][] r = new double[h][k][folds.size()];
        for (int i = 0; i < folds.size(); i++) {
            Fold f = folds.get(i);
            for (int s = 0; s < h; s++) {
                for (int c = 0; c < k; c++) {
                    double a = f.actual()[c][s];
                    double p = f.value(Method.MODEL, s, c);
                    r[s][c][i] = logUnits ? Math.log(a) - Math.log(p) : a - p;
                }
            }
        }
        return r;
    }

    private static Map<Method, Pool> pools(List<Method> methods) {
        Map<Method, Pool> m = new LinkedHashMap<>();
        methods.forEach(x -> m.put(x, new Pool()));
        return m;
    }

    private static Map<Method, Scores> scores(Map<Method, Pool> pools) {
        Map<Method, Scores> out = new LinkedHashMap<>();
        pools.forEach((k, v) -> out.put(k, v.scores()));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Pooled pairs; MASE scales each absolute error by its own history's scale (NaN when any scale is unknown). */
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
