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
import org.seqcast.forecast.Forecaster;
import org.seqcast.io.Json;
import org.seqcast.forecast.ModelBundle;
import org.seqcast.forecast.Schema;
import org.seqcast.io.AtomicFiles;
import org.seqcast.store.ModelFile;
import org.seqcast.store.SchemaChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqcast predict}: a saved model on a new CSV; the next horizon steps as CSV. Never loads ND4J. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Forecast the steps after the end of a CSV with a saved model. The CSV needs the model's time",
                "column, targets and features; its last window.timesteps rows are used."})
public final class PredictCommand extends Subcommand {
    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL", description = "Model file from 'seqcast train -o'.")
    Path model;

    @Mixin
    ReadingMixin reading;

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
        SeriesLoading.Input in = SeriesLoading.readOnce(input);
        checkColumns(in, schema);
        List<String> extra = new ArrayList<>(schema.features());
        extra.addAll(schema.known());
        TimeSeries series = SeriesLoading.load(in, schema.timeColumn(), schema.targets(), extra, ReadOptions.of(cfg.data()), this::info);
        series = SeriesLoading.withFuture(series, future, schema.timeColumn(), schema.known(), ReadOptions.of(cfg.data()), this::info);
        SchemaChecks.requireFrequency(schema, series, model.toString());
        Forecast f = new Forecaster(bundle).forecast(series);
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

    /** Names every column the model needs that the CSV lacks, in one message. */
    static void checkColumns(SeriesLoading.Input input, Schema schema) {
        List<String> have = input.header();
        List<String> need = new ArrayList<>();
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
