package org.seqcast.train;

import java.util.List;
import java.util.Locale;
import org.seqcast.SeqcastException;
import org.seqcast.config.WindowNorm;
import org.seqcast.data.TimeSeries;
import org.seqcast.eval.Metrics;
import org.seqcast.forecast.SeriesColumns;
import org.seqcast.transform.Ahead;
import org.seqcast.transform.Preprocessor;
import org.seqcast.window.Split;
import org.seqcast.window.WindowSpec;
import org.seqcast.window.Windows;

/**
 * Stage 2 of training: one series made ready for the network, in one place. Its raw input columns
 * (targets, features, and the season's sin/cos when the plan uses them), the chronological split, the
 * preprocessor fitted on the training rows only, the transformed columns, the windows the network is fitted
 * and early-stopped on, and the origins its validation forecasts are scored from.
 *
 * @param raw             input columns in original units, [column][row]
 * @param transformed     the same after the preprocessor (before window normalisation)
 * @param train           the windows the network trains on ({@link Plan#fitSpec})
 * @param validation      the windows early stopping scores ({@link Plan#fitSpec}, over the validation rows)
 * @param validationCuts  the origins (rows before them) of the horizon's validation windows, ascending (none when the
 *                        series is too short for a validation window in a padded run)
 * @param pad             rows padded in front in a run over many series ({@link Plan#pad}): as many as a series shorter
 *                        than lookback + 2 x horizon lacks for a horizon + 1 windows (one training and one validation
 *                        window), at most the lookback less one (every input window ends on a real row); {@code split}
 *                        and the windows count them, {@code raw} does not
 */
public record PreparedSeries(String id, TimeSeries series, int season, Split split, double[][] raw, Preprocessor pre,
                             double[][] transformed, Windows train, Windows validation, int[] validationCuts, int pad) {

    /** Prepares {@code series} for the plan with one window normalisation. */
    public static PreparedSeries of(Plan plan, String id, TimeSeries series, WindowNorm norm) {
        int season = plan.season(series);
        WindowSpec spec = plan.spec();
        double[][] values = SeriesColumns.of(series, plan.valueColumns());
        double[][] raw = plan.seasonInputs() ? SeriesColumns.withSeasons(values, series.index(), plan.seasons(series), series.length()) : values;
        if (plan.ahead()) {
            return ahead(plan, id, series, norm, season, spec, raw);
        }
        int pad = plan.pad() ? Math.max(0, Math.min(plan.timesteps() - 1, plan.timesteps() + 2 * plan.horizon() - series.length())) : 0;
        int rows = series.length() + pad;
        double fraction = plan.config().training().validation();
        Split split = plan.pad() ? Split.orAllTraining(rows, spec, fraction, series.source()) : Split.of(rows, spec, fraction, series.source());
        int fitRows = Math.max(1, split.fitRows() - pad);
        Preprocessor pre = plan.levelScaled()
                ? Preprocessor.fitLevels(raw, plan.targets().size(), fitRows, plan.config().transform().target(), norm == WindowNorm.RELATIVE,
                        series.source(), plan.seasonInputs() ? 2 * plan.periods() : 0, plan.deseasonalise() ? season : 0, plan.sesLevel())
                : Preprocessor.fit(raw, plan.targets().size(), fitRows, plan.config().transform().target(), norm == WindowNorm.RELATIVE,
                        series.source());
        double[][] transformed = pre.padFront(pre.apply(raw, series.source()), pad, plan.seasonInputs() && plan.periods() == 1 ? season : 0);
        Windows train;
        Windows validation;
        if (plan.recursive()) {
            // One-step windows over the rows the direct windows cover: the training targets end where the direct
            // training windows' targets end; validation windows start where the direct validation windows start.
            WindowSpec fit = plan.fitSpec();
            int lastTrainTarget = split.train() == 0 ? -1 : spec.start(rows, split.train() - 1) + spec.timesteps() + spec.horizon() - 1;
            int[] t = oneStep(fit, rows, 0, lastTrainTarget);
            int[] v = split.windows() > split.valStart() ? oneStep(fit, rows, spec.start(rows, split.valStart()), rows - 1) : new int[] {0, 0};
            train = pre.windows(transformed, fit, t[0], t[1]);
            validation = pre.windows(transformed, fit, v[0], v[1]);
        } else {
            train = pre.windows(transformed, spec, 0, split.train());
            validation = pre.windows(transformed, spec, split.valStart(), split.windows());
        }
        int[] cuts = new int[split.windows() - split.valStart()];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = spec.start(rows, split.valStart() + i) + spec.timesteps() - pad;
        }
        return new PreparedSeries(id, series, season, split, raw, pre, transformed, train, validation, cuts, pad);
    }

    /**
     * Windows that reach into the forecast period ({@link Ahead}): counted over the rows after the longest lag (the
     * rows before feed only the lags), the residual's period chosen on the training rows.
     */
    private static PreparedSeries ahead(Plan plan, String id, TimeSeries series, WindowNorm norm, int season, WindowSpec spec, double[][] raw) {
        int rows = series.length();
        List<Integer> periods = plan.seasons(series);
        int[] lags = plan.lags() ? periods.stream().mapToInt(Integer::intValue).toArray() : new int[0];
        int history = 0;
        for (int l : lags) {
            history = Math.max(history, l);
        }
        if (rows - history < spec.timesteps() + spec.horizon()) {
            throw SeqcastException.data(String.format(Locale.ROOT, "%s: %d rows is too short for seasonal lags of up to %d rows, "
                    + "window.timesteps = %d and window.horizon = %d: need well over %d rows; give more history, or set "
                    + "window.seasonal_lags: false", series.source(), rows, history, spec.timesteps(), spec.horizon(),
                    history + spec.timesteps() + spec.horizon()));
        }
        Split shifted = Split.of(rows - history, spec, plan.config().training().validation(), series.source());
        Split split = new Split(shifted.windows(), shifted.train(), shifted.valStart(), shifted.fitRows() + history);
        int k = plan.targets().size();
        int baseLag = plan.residual() ? baseLag(raw, k, split.fitRows(), lags, spec.horizon()) : 0;
        int calendar = plan.seasonInputs() ? 2 * periods.size() : 0;
        Ahead layout = new Ahead(lags, baseLag, plan.features().size(), plan.known().size(), calendar, spec.horizon());
        Preprocessor pre = Preprocessor.fit(raw, k, split.fitRows(), plan.config().transform().target(), norm == WindowNorm.RELATIVE,
                series.source()).withAhead(layout);
        double[][] transformed = pre.apply(raw, series.source());
        Windows train = pre.windows(transformed, spec, 0, split.train());
        Windows validation = pre.windows(transformed, spec, split.valStart(), split.windows());
        int[] cuts = new int[split.windows() - split.valStart()];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = pre.origin(spec, rows, split.valStart() + i);
        }
        return new PreparedSeries(id, series, season, split, raw, pre, transformed, train, validation, cuts, 0);
    }

    /**
     * The period whose seasonal naive forecast errs least on the training rows at the horizon (a period shorter than
     * the horizon repeats: its lag is the whole number of periods that reaches back past the origin), summed over the
     * targets relative to each target's one-step naive error; the first on ties.
     */
    static int baseLag(double[][] raw, int targets, int fitRows, int[] lags, int horizon) {
        int best = lags[0];
        double bestErr = Double.POSITIVE_INFINITY;
        for (int l : lags) {
            int reach = l * ((horizon + l - 1) / l);
            double err = 0;
            for (int c = 0; c < targets; c++) {
                double[] col = java.util.Arrays.copyOf(raw[c], fitRows);
                double naive = Metrics.maseScale(col, 1);
                err += Metrics.maseScale(col, reach) / (naive > 0 && Double.isFinite(naive) ? naive : 1);
            }
            if (err < bestErr) {
                bestErr = err;
                best = l;
            }
        }
        return best;
    }

    /** Every window of the series ({@link Plan#fitSpec}): what the refit trains on. */
    public Windows all(Plan plan) {
        WindowSpec fit = plan.fitSpec();
        int rows = series.length() + pad;
        if (plan.recursive()) {
            int[] a = oneStep(fit, rows, 0, rows - 1);
            return pre.windows(transformed, fit, a[0], a[1]);
        }
        return pre.windows(transformed, fit, 0, split.windows());
    }

    /**
     * The MASE scale of the series' training rows (targets averaged), or 1 when it cannot be computed: what
     * makes validation errors of series of different scales comparable when choosing between candidates.
     */
    public double scale(int targets) {
        double s = 0;
        for (int c = 0; c < targets; c++) {
            s += Metrics.maseScale(java.util.Arrays.copyOf(raw[c], Math.max(1, split.fitRows() - pad)), season);
        }
        s /= targets;
        return Double.isFinite(s) && s > 0 ? s : 1;
    }

    /** Window indices [from, to) of a one-step spec whose inputs start at row {@code firstStart} or later and whose target is row {@code lastTarget} or earlier. */
    static int[] oneStep(WindowSpec w, int rows, int firstStart, int lastTarget) {
        int n = w.count(rows);
        int from = n;
        int to = 0;
        for (int k = 0; k < n; k++) {
            int st = w.start(rows, k);
            if (st >= firstStart && st + w.timesteps() + w.horizon() - 1 <= lastTarget) {
                from = Math.min(from, k);
                to = k + 1;
            }
        }
        return from >= to ? new int[] {0, 0} : new int[] {from, to};
    }
}
