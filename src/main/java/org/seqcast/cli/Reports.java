package org.seqcast.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.seqcast.backtest.Backtest;
import org.seqcast.config.Strategy;
import org.seqcast.data.TimeSeries;
import org.seqcast.eval.Scores;
import org.seqcast.forecast.Forecast;
import org.seqcast.forecast.ForecastCsv;
import org.seqcast.forecast.Method;
import org.seqcast.train.TrainReport;

/**
 * Renders the pipeline's records for people (stderr lines, tables) and for programs (JSON records bound by
 * {@link org.seqcast.io.Json}). The only place where decisions become sentences.
 */
final class Reports {
    private Reports() {
    }

    /** The stderr lines of a training run over one series. */
    static List<String> trainLines(TrainReport r, List<String> targets) {
        List<String> out = new ArrayList<>();
        TrainReport.SeriesReport s = r.first();
        int k = targets.size();
        out.add(String.format(Locale.ROOT, "windows: %d train + %d validation samples x %d timesteps x %d feature%s -> %d output%s%s",
                s.trainWindows(), s.validationWindows(), r.timesteps(), r.inputs(), r.inputs() == 1 ? "" : "s", r.outputs(),
                r.outputs() == 1 ? "" : "s",
                s.droppedWindows() > 0 ? " (" + s.droppedWindows() + " between them left out so validation targets are unseen)" : ""));
        List<String> transform = new ArrayList<>();
        if (s.log()) {
            transform.add("log of " + String.join(", ", targets));
        }
        if (r.candidates().size() > 1) {
            transform.add("window normalisation auto (relative windows and global levels both trained, the lower validation MAE kept)");
        } else if (r.windowNorm() == org.seqcast.config.WindowNorm.RELATIVE) {
            transform.add("each window relative to its last value");
        }
        if (!transform.isEmpty()) {
            out.add("transform: " + String.join(", ", transform));
        }
        if (r.seasonInputs()) {
            List<Integer> periods = r.ahead() == null ? List.of(s.season()) : r.ahead().seasons();
            out.add("season inputs: sin and cos of the position in the season" + (periods.size() == 1 ? " of " + periods.get(0) + " steps"
                    : "s of " + periods.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" and ")) + " steps")
                    + ", from the time column");
        }
        if (r.ahead() != null) {
            TrainReport.Ahead a = r.ahead();
            out.add("ahead: each window is " + r.timesteps() + " observed rows and the " + r.horizon() + " forecast rows"
                    + (a.lags().isEmpty() ? "" : "; seasonal lags " + a.lags() + " (each target's value that many rows earlier)")
                    + (a.known().isEmpty() ? "" : "; known in advance: " + String.join(", ", a.known()))
                    + (a.baseLag() > 0 ? "; the network learns the residual from the seasonal naive forecast of period " + a.baseLag() : ""));
        }
        if (r.strategy() == Strategy.RECURSIVE) {
            out.add("strategy: recursive (the network forecasts one step; each forecast is fed back for the next, " + r.horizon() + " times)");
        }
        if (r.candidates().size() > 1) {
            for (TrainReport.Candidate c : r.candidates()) {
                out.add(String.format(Locale.ROOT, "window_norm auto: %s: validation MAE %.5g after %d epochs", c.windowNorm().describe(),
                        c.validationMae(), c.bestEpoch()));
            }
            out.add("window_norm auto: kept " + r.windowNorm().describe());
        }
        if (r.shrink() != null) {
            out.add("shrink: predicted change from the last value scaled by " + shrink(r.shrink(), r.horizon(), k));
        }
        if (org.seqcast.forecast.Provenance.ETS.equals(r.combine())) {
            out.add("combine: each point forecast is the mean of the network's and automatic exponential smoothing's (ETS, "
                    + "forecast.combine)");
        }
        if (r.refit() != null) {
            int e = r.refit().epochs().get(0);
            out.add(String.format(Locale.ROOT, "refit: %d windows, %d epoch%s", r.refit().windows(), e, e == 1 ? "" : "s"));
        }
        out.add(String.format(Locale.ROOT, "best epoch %d of %d run (%d member%s, %s, %s)", r.bestEpoch(), r.epochsRun(), r.members(),
                r.members() == 1 ? "" : "s", r.engine().key(), r.kernel()));
        Map<Method, Scores> v = s.validation();
        Scores m = v.get(Method.MODEL);
        out.add(String.format(Locale.ROOT, "validation (%d windows x %d steps)   MAE %12s   RMSE %12s", s.validationWindows(), r.horizon(),
                num(m.mae()), num(m.rmse())));
        Scores n = v.get(Method.NAIVE);
        out.add(String.format(Locale.ROOT, "  naive                             MAE %12s   RMSE %12s", num(n.mae()), num(n.rmse())));
        Scores sn = v.get(Method.SEASONAL_NAIVE);
        out.add(String.format(Locale.ROOT, "  seasonal naive (m=%d)%s MAE %12s   RMSE %12s", s.season(),
                " ".repeat(Math.max(0, 13 - String.valueOf(s.season()).length())), num(sn.mae()), num(sn.rmse())));
        return out;
    }

    /** "0.93 (step 1) .. 0.41 (step 12)" for the first target. */
    static String shrink(double[] factor, int horizon, int targets) {
        if (horizon == 1) {
            return String.format(Locale.ROOT, "%.2f", factor[0]);
        }
        return String.format(Locale.ROOT, "%.2f (step 1) .. %.2f (step %d)", factor[0], factor[(horizon - 1) * targets], horizon);
    }

    /** The scores table of a backtest or evaluation. */
    static String table(Backtest.Result r, List<Integer> origins, List<String> targets) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-16s %12s %12s %9s %9s %9s%n";
        sb.append(String.format(Locale.ROOT, "Overall (%d origin%s)%n", origins.size(), origins.size() == 1 ? "" : "s"));
        sb.append(String.format(Locale.ROOT, fmt, "method", "MAE", "RMSE", "MAPE", "sMAPE", "MASE"));
        for (Map.Entry<Method, Scores> e : r.overall().entrySet()) {
            Scores s = e.getValue();
            sb.append(String.format(Locale.ROOT, fmt, e.getKey().key(), num(s.mae()), num(s.rmse()), p(s.mape()), p(s.smape()), p(s.mase())));
        }
        if (targets.size() > 1) {
            sb.append(String.format(Locale.ROOT, "%nPer target (model MASE vs seasonal naive MASE)%n"));
            for (int k = 0; k < targets.size(); k++) {
                Map<Method, Scores> m = r.perTarget().get(k);
                sb.append(String.format(Locale.ROOT, "  %s: model %s, naive %s, seasonal naive %s, drift %s%n", targets.get(k),
                        p(m.get(Method.MODEL).mase()), p(m.get(Method.NAIVE).mase()), p(m.get(Method.SEASONAL_NAIVE).mase()),
                        p(m.get(Method.DRIFT).mase())));
            }
        }
        if (origins.size() > 1) {
            sb.append(String.format(Locale.ROOT, "%nPer origin (model MASE vs seasonal naive MASE)%n"));
            for (int f = 0; f < origins.size(); f++) {
                Map<Method, Scores> m = r.perFold().get(f);
                sb.append(String.format(Locale.ROOT, "  origin %d (after row %d): model %s, naive %s, seasonal naive %s, drift %s%n", f + 1,
                        origins.get(f), p(m.get(Method.MODEL).mase()), p(m.get(Method.NAIVE).mase()),
                        p(m.get(Method.SEASONAL_NAIVE).mase()), p(m.get(Method.DRIFT).mase())));
            }
        }
        sb.append(String.format(Locale.ROOT, "%nPer horizon step (model MAE)%n"));
        for (int st = 0; st < r.perStep().size(); st++) {
            sb.append(String.format(Locale.ROOT, "  step %d: %s%n", st + 1, num(r.perStep().get(st).get(Method.MODEL).mae())));
        }
        for (Backtest.Coverage c : r.coverage()) {
            sb.append(String.format(Locale.ROOT, "%n%d%% interval coverage: %.1f%% of %d actuals", c.level(), 100.0 * c.fraction(), c.pairs()));
        }
        if (!r.coverage().isEmpty()) {
            sb.append('\n');
        }
        return sb.toString();
    }

    static String num(double v) {
        return ForecastCsv.display(v);
    }

    static String p(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
