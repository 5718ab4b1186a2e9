package org.seqcast.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.seqcast.SeqcastException;
import org.seqcast.backtest.Backtest;
import org.seqcast.backtest.HistoricalForecasts;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.ReadOptions;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.ModelBundle;
import org.seqcast.forecast.Schema;
import org.seqcast.io.Json;
import org.seqcast.store.ModelFile;
import org.seqcast.store.SchemaChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqcast evaluate}: scores a saved model on new data, without retraining. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score a saved model on a CSV without retraining: forecast from every origin --step rows apart that has",
                "window.timesteps rows before it and window.horizon rows after it, and report MAE, RMSE, MAPE, sMAPE and",
                "MASE beside naive, seasonal-naive and drift forecasts from the same origins. Only origins whose forecasts",
                "fall after the model's training data are scored unless --all-origins."})
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

    @Option(names = "--all-origins", description = "Also score origins whose forecasts fall within the model's training data "
            + "(by default only origins after the training data's last time are scored).")
    boolean allOrigins;

    @Override
    protected int run() throws Exception {
        if (step != null && step < 1) {
            throw SeqcastException.config("--step must be >= 1, got " + step);
        }
        ModelBundle bundle = ModelFile.read(model);
        Schema s = bundle.schema();
        SeqcastConfig cfg = reading.config(bundle, model);
        SeriesLoading.Input in = SeriesLoading.readOnce(input);
        PredictCommand.checkColumns(in, s);
        List<String> extra = new java.util.ArrayList<>(s.features());
        extra.addAll(s.known());
        TimeSeries series = SeriesLoading.load(in, s.timeColumn(), s.targets(), extra, ReadOptions.of(cfg.data()), this::info);
        SchemaChecks.requireFrequency(s, series, model.toString());
        // rows it reads: the lookback and the seasonal lags' history (a global model's lags are the schema's)
        int t = s.timesteps() + (bundle.preprocessor() != null ? (bundle.preprocessor().ahead() == null ? 0 : bundle.preprocessor().ahead().history())
                : s.lags().stream().mapToInt(Integer::intValue).max().orElse(0));
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
        // Origins whose forecasts the model has not seen: the first forecast row after the training data's last time.
        int seen = allOrigins ? 0 : Math.max(0, series.index().rowsThrough(bundle.provenance().lastTime()));
        List<Integer> all = new ArrayList<>();
        for (int o = n - h; o >= t; o -= st) {
            all.add(0, o);
        }
        List<Integer> origins = all.stream().filter(o -> o >= seen).toList();
        if (origins.isEmpty()) {
            throw SeqcastException.data(series.source() + ": none of its " + all.size() + " origins forecasts rows after the model's "
                    + "training data (which ends at " + bundle.provenance().lastTime() + "); give newer data, or --all-origins to score "
                    + "the training period too");
        }
        if (origins.size() < all.size()) {
            info(String.format(Locale.ROOT, "evaluate: %d of %d origins score rows after the training data (ends %s); %d skipped "
                    + "(--all-origins scores them too)", origins.size(), all.size(), bundle.provenance().lastTime(),
                    all.size() - origins.size()));
        } else {
            info(String.format(Locale.ROOT, "evaluate: %d origins", origins.size()));
        }
        int[] cuts = origins.stream().mapToInt(Integer::intValue).toArray();
        List<Backtest.Fold> folds = HistoricalForecasts.run(series, new HistoricalForecasts.Origins(cuts, h, s.targets(), s.season()),
                org.seqcast.train.SavedModels.forecaster(bundle));
        Backtest.Result r = Backtest.score(folds);
        if (json) {
            out().println(Json.write(JsonReports.BacktestJson.of(r, origins, h, s.season(), s.targets())));
        } else {
            out().print(Reports.table(r, origins, s.targets()));
        }
        return ExitCode.OK.code();
    }
}
