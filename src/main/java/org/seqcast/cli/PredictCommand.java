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
import org.seqcast.io.AtomicFiles;
import org.seqcast.io.Json;
import org.seqcast.forecast.ModelBundle;
import org.seqcast.store.ModelFile;
import org.seqcast.forecast.Schema;
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

    @Mixin
    PlotMixin plot;

    @Option(names = "--json", description = "Print a JSON report (data summary and forecast) on stdout instead of the forecast CSV.")
    boolean json;

    @Override
    protected int run() throws Exception {
        long t0 = System.nanoTime();
        ModelBundle bundle = ModelFile.read(model);
        Schema schema = bundle.schema();
        checkColumns(input, schema);
        SeqcastConfig cfg = reading.config(bundle, model);
        TimeSeries series = SeriesLoading.load(input, schema.timeColumn(), schema.targets(), schema.features(), ReadOptions.of(cfg.data()),
                this::info);
        Forecast f = new Forecaster(bundle).forecast(series);
        // The plot first: when it cannot be written, no forecast has gone out with the failing exit code.
        if (plot.draw(series, List.of(f), List.of(series.length()), schema.season())) {
            info("plot: " + plot.path());
        }
        if (json) {
            JsonReports.PredictReport r = new JsonReports.PredictReport(model.toString(),
                    JsonReports.DataSummary.of(series, schema.season(), schema.targets(), schema.features()), f.horizon(), f.levels(),
                    JsonReports.rows(f), JsonReports.seconds(t0));
            String text = Json.write(r);
            if ("-".equals(output)) {
                out().println(text);
            } else {
                AtomicFiles.writeString(Path.of(output), text + "\n");
                info("report: " + output);
            }
        } else if ("-".equals(output)) {
            ForecastCsv.write(f, out());
        } else {
            ForecastCsv.write(f, Path.of(output));
            info("forecast: " + output);
        }
        return ExitCode.OK.code();
    }

    /** Names every column the model needs that the CSV lacks, in one message. */
    static void checkColumns(String input, Schema schema) {
        if ("-".equals(input)) {
            return; // standard input can be read once only; the reader names missing columns itself
        }
        List<String> have = CsvSeriesReader.header(input);
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
            throw SeqcastException.data(input + ": missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " that the model was trained with (the CSV has " + String.join(", ", have) + "; the model needs "
                    + String.join(", ", need) + ")");
        }
    }
}
