package org.seqcast.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.seqcast.SeqcastException;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.CsvSeriesReader;
import org.seqcast.data.ReadOptions;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Forecast;
import org.seqcast.forecast.ForecastCsv;
import org.seqcast.io.Json;
import org.seqcast.forecast.ModelBundle;
import org.seqcast.forecast.Schema;
import org.seqcast.io.AtomicFiles;
import org.seqcast.store.ModelFile;
import org.seqcast.store.SchemaChecks;
import org.seqcast.batch.SeriesSource;
import org.seqcast.forecast.ForecastMethod;
import org.seqcast.train.SavedModels;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqcast predict}: a saved model on a new CSV; the next horizon steps as CSV. Never loads ND4J. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Forecast the steps after the end of a CSV with a saved model. The CSV needs the model's time",
                "column, targets and features; its last window.timesteps rows are used. With --series-column every series",
                "of a long-format CSV is forecast (a global model fits each series' levels from its own history)."})
public final class PredictCommand extends Subcommand {
    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL", description = "Model file from 'seqcast train -o'.")
    Path model;

    @Mixin
    ReadingMixin reading;

    @Mixin
    LongFormatMixin longFormat;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "CSV", description = "Input CSV ('-' = standard input).")
    String input;

    @Option(names = {"-o", "--output", "--forecast"}, paramLabel = "FILE", defaultValue = "-",
            description = "Forecast CSV (default '-' = stdout); a file is written atomically. --forecast is the same option as in train.")
    String output;

    @Option(names = "--future", paramLabel = "FILE", description = {"CSV of the time column and the model's known columns (data.known) for",
            "the forecast steps (instead of rows after the last target value with the target cells empty)."})
    String future;

    @Mixin
    PlotMixin plot;

    @Option(names = "--json", description = "Print a JSON report (data summary and forecast) on stdout instead of the forecast CSV.")
    boolean json;

    @Override
    protected int run() throws Exception {
        long t0 = System.nanoTime();
        new OutputPaths().input("-m", model).input("-i", input).input("--future", future).output("-o", output).output("--plot", plot.path())
                .check();
        ModelBundle bundle = ModelFile.read(model);
        Schema schema = bundle.schema();
        SeqcastConfig cfg = reading.config(bundle, model);
        if (longFormat.seriesColumn() != null) {
            return predictEvery(bundle, cfg, longFormat.seriesColumn(), t0);
        }
        SeriesLoading.Input in = SeriesLoading.readOnce(input);
        checkColumns(in, schema);
        List<String> extra = new ArrayList<>(schema.features());
        extra.addAll(schema.known());
        TimeSeries series = SeriesLoading.load(in, schema.timeColumn(), schema.targets(), extra, ReadOptions.of(cfg.data()), this::info);
        series = SeriesLoading.withFuture(series, future, schema.timeColumn(), schema.known(), ReadOptions.of(cfg.data()), this::info);
        SchemaChecks.requireFrequency(schema, series, model.toString());
        Forecast f = SavedModels.forecaster(bundle).forecast(series);
        String report = json ? Json.write(new JsonReports.PredictReport(model.toString(),
                JsonReports.DataSummary.of(series, schema.season(), schema.targets(), schema.features()), f.horizon(), f.levels(),
                JsonReports.rows(f), JsonReports.seconds(t0))) + "\n" : null;
        // The files first, together (both or neither): when one cannot be written, no forecast has gone out.
        try (AtomicFiles.Group files = AtomicFiles.group()) {
            plot.draw(series, List.of(f), List.of(series.length()), schema.season());
            if (!"-".equals(output)) {
                if (json) {
                    AtomicFiles.writeString(Path.of(output), report);
                } else {
                    ForecastCsv.write(f, Path.of(output));
                }
            }
            files.commit();
        }
        if (plot.path() != null) {
            info("plot: " + plot.path());
        }
        if ("-".equals(output)) {
            if (json) {
                out().print(report);
            } else {
                ForecastCsv.write(f, out());
            }
        } else {
            info((json ? "report: " : "forecast: ") + output);
        }
        return ExitCode.OK.code();
    }

    /**
     * Every series of a long-format CSV forecast with the model (a global model fits each series' preprocessor from its
     * history first): one long-format CSV (or JSON) of all forecasts. A series that cannot be forecast is named with its
     * reason on stderr and the others go on (exit 7); when none can, the first one's error is the command's.
     */
    private int predictEvery(ModelBundle bundle, SeqcastConfig cfg, String seriesColumn, long t0) throws Exception {
        if (future != null || plot.path() != null) {
            throw SeqcastException.config("--series-column forecasts every series of the file; " + (future != null ? "--future" : "--plot")
                    + " takes one series: give a single-series CSV, or drop " + (future != null ? "--future" : "--plot"));
        }
        Schema schema = bundle.schema();
        if (!"-".equals(input)) {
            List<String> header = CsvSeriesReader.header(input);
            checkColumns(new SeriesLoading.Input(CsvSeriesReader.sourceName(input), null), header, schema, seriesColumn);
        }
        SeriesSource source = SeriesSource.longFormat(input, seriesColumn, schema.timeColumn(), schema.valueColumns(), ReadOptions.of(cfg.data()));
        ForecastMethod method = SavedModels.forecaster(bundle);
        Map<String, Forecast> forecasts = new LinkedHashMap<>();
        List<LongForecasts.Failure> failures = new ArrayList<>();
        SeqcastException firstError = null;
        for (int i = 0; i < source.size(); i++) {
            SeriesSource.Loaded l = source.load(i);
            try {
                if (l.error() != null) {
                    throw l.error();
                }
                SchemaChecks.requireFrequency(schema, l.series(), model.toString());
                forecasts.put(l.id(), method.forecast(l.series()));
            } catch (SeqcastException e) {
                firstError = firstError == null ? e : firstError;
                failures.add(new LongForecasts.Failure(l.id(), e.getMessage().replaceAll("\\s*[\\r\\n]+\\s*", " ").strip()));
            }
        }
        if (forecasts.isEmpty()) {
            throw firstError;
        }
        for (LongForecasts.Failure f : failures) {
            info("predict: series " + f.series() + " failed: " + f.error());
        }
        String report = json ? Json.write(new LongPredictReport(model.toString(), bundle.kind().name().toLowerCase(java.util.Locale.ROOT),
                source.size(), forecasts.size(), failures.size(), schema.horizon(), failures, LongForecasts.jsonRows(seriesColumn, forecasts),
                JsonReports.seconds(t0))) + "\n" : null;
        if ("-".equals(output)) {
            if (json) {
                out().print(report);
            } else {
                LongForecasts.write(seriesColumn, forecasts, out());
            }
        } else {
            if (json) {
                AtomicFiles.writeString(Path.of(output), report);
            } else {
                LongForecasts.write(seriesColumn, forecasts, Path.of(output));
            }
            info((json ? "report: " : "forecast: ") + output);
        }
        info(String.format(java.util.Locale.ROOT, "predict: %d series forecast, %d failed, in %.1f s", forecasts.size(), failures.size(),
                JsonReports.seconds(t0)));
        return failures.isEmpty() ? ExitCode.OK.code() : ExitCode.PARTIAL.code();
    }

    /** {@code predict --series-column --json}: how many series got a forecast, the failures, and every forecast row with its series. */
    record LongPredictReport(String model, String kind, int series, int ok, int failed, int horizon, List<LongForecasts.Failure> failures,
                             List<Map<String, Object>> forecast, double seconds) {
    }

    /** Names every column the model needs that the CSV lacks, in one message. */
    static void checkColumns(SeriesLoading.Input input, Schema schema) {
        checkColumns(input, input.header(), schema, null);
    }

    /** Names every column the model (and the series column, when given) needs that the CSV lacks, in one message. */
    static void checkColumns(SeriesLoading.Input input, List<String> have, Schema schema, String seriesColumn) {
        List<String> need = new ArrayList<>();
        if (seriesColumn != null) {
            need.add(seriesColumn);
        }
        need.add(schema.timeColumn());
        need.addAll(schema.valueColumns());
        List<String> missing = new ArrayList<>();
        for (String c : need) {
            if (!have.contains(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw SeqcastException.data(input.source() + ": missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " that the model was trained with (the CSV has " + String.join(", ", have) + "; the model needs "
                    + String.join(", ", need) + ")");
        }
    }
}
