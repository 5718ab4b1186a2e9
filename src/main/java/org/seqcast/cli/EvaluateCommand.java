package org.seqcast.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.seqcast.SeqcastException;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.TimeSeries;
import org.seqcast.eval.Backtest;
import org.seqcast.eval.Scores;
import org.seqcast.forecast.Forecaster;
import org.seqcast.forecast.SeriesColumns;
import org.seqcast.store.ModelBundle;
import org.seqcast.store.ModelFile;
import org.seqcast.store.Schema;
import org.seqcast.transform.Preprocessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqcast evaluate}: scores a saved model on new data, without retraining. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score a saved model on a CSV without retraining: forecast from every origin --step rows apart that has",
                "window.timesteps rows before it and window.horizon rows after it, and report MAE, RMSE, MAPE, sMAPE and",
                "MASE beside naive, seasonal-naive and drift forecasts from the same origins."})
public final class EvaluateCommand extends Subcommand {
    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL", description = "Model file from 'seqcast train -o'.")
    Path model;

    @Mixin
    ReadingMixin reading;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "CSV", description = "CSV with the model's columns ('-' = stdin).")
    String input;

    @Option(names = "--step", paramLabel = "S", description = "Rows between origins (default: the model's horizon).")
    Integer step;

    @Option(names = "--json", description = "Print the scores as JSON on stdout instead of the table.")
    boolean json;

    @Override
    protected int run() throws Exception {
        ModelBundle bundle = ModelFile.read(model);
        Schema s = bundle.schema();
        PredictCommand.checkColumns(input, s);
        SeqcastConfig cfg = reading.config(bundle, model);
        TimeSeries series = SeriesLoading.load(input, s.timeColumn(), s.targets(), s.features(), cfg.data().readOptions(), this::info);
        int t = s.timesteps();
        int h = s.horizon();
        int st = step != null ? step : h;
        if (st < 1) {
            throw SeqcastException.config("--step must be >= 1, got " + st);
        }
        int n = series.length();
        if (n < t + h) {
            throw SeqcastException.data(series.source() + ": " + n + " rows; evaluating needs window.timesteps + window.horizon = "
                    + (t + h) + " rows at least");
        }
        Forecaster fc = new Forecaster(bundle);
        Preprocessor pre = bundle.preprocessor();
        double[][] raw = SeriesColumns.of(series, s);
        double[][] transformed = pre.apply(raw, series.source());
        List<Backtest.Fold> folds = new ArrayList<>();
        List<Integer> origins = new ArrayList<>();
        for (int o = n - h; o >= t; o -= st) {
            origins.add(0, o);
        }
        int k = s.targets().size();
        for (int o : origins) {
            double[][] pred = fc.predictor().predict(pre.input(transformed, o - t, t));
            double[][] hist = new double[k][];
            double[][] act = new double[k][h];
            double[][] f = new double[k][h];
            for (int c = 0; c < k; c++) {
                hist[c] = java.util.Arrays.copyOf(raw[c], o);
                for (int j = 0; j < h; j++) {
                    act[c][j] = raw[c][o + j];
                    f[c][j] = pred[j][c];
                }
            }
            folds.add(new Backtest.Fold(o, hist, act, f));
        }
        Backtest.Result r = Backtest.score(folds, s.season());
        if (json) {
            com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode root = m.createObjectNode();
            root.put("origins", origins.size());
            root.put("horizon", h);
            com.fasterxml.jackson.databind.node.ObjectNode o = root.putObject("overall");
            r.overall().forEach((name, sc) -> o.putObject(name).put("mae", sc.mae()).put("rmse", sc.rmse()).put("mape", sc.mape())
                    .put("smape", sc.smape()).put("mase", sc.mase()));
            out().println(m.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out().printf(Locale.ROOT, "%d origins, horizon %d, season %d%n", origins.size(), h, s.season());
            out().printf(Locale.ROOT, "%-16s %12s %12s %9s %9s %9s%n", "method", "MAE", "RMSE", "MAPE", "sMAPE", "MASE");
            for (Map.Entry<String, Scores> e : r.overall().entrySet()) {
                Scores sc = e.getValue();
                out().printf(Locale.ROOT, "%-16s %12s %12s %9.3f %9.3f %9.3f%n", e.getKey(), TrainCommand.num(sc.mae()),
                        TrainCommand.num(sc.rmse()), sc.mape(), sc.smape(), sc.mase());
            }
        }
        return ExitCode.OK.code();
    }
}
