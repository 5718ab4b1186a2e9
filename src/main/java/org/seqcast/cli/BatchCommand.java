package org.seqcast.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.seqcast.SeqcastException;
import org.seqcast.batch.BatchColumns;
import org.seqcast.batch.BatchOutputs;
import org.seqcast.batch.BatchProgress;
import org.seqcast.batch.BatchRunner;
import org.seqcast.batch.SeriesResult;
import org.seqcast.batch.SeriesSource;
import org.seqcast.batch.Shard;
import org.seqcast.config.ConfigLoader;
import org.seqcast.config.DataConfig;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.CsvProfile;
import org.seqcast.io.Json;
import org.seqcast.data.CsvSeriesReader;
import org.seqcast.io.Shutdown;
import org.seqcast.data.ReadOptions;
import org.seqcast.train.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqcast batch}: train and forecast many series (or apply saved models), in parallel, resumable. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Forecast many series: every series of a long-format CSV (--series-column), or one series per CSV file",
                "(--input repeated, directories, globs, or '-' for a list of paths on stdin). Each series is trained and forecast",
                "on its own worker; a failing series is recorded in summary.csv and the others go on. Writes forecasts.csv,",
                "summary.csv (and models/ with --save-models) in --out DIR, atomically, in input order.",
                "Exit code 0 when every series succeeded, 7 when some failed or were not run, 130 on Ctrl-C."})
public final class BatchCommand extends Subcommand {
    @Mixin
    ConfigMixin config;

    @Option(names = {"-i", "--input"}, paramLabel = "PATH",
            description = "Long-format CSV (with --series-column), or series CSV files: files, directories (their *.csv), globs,"
                    + " or '-' to read paths from stdin. Repeatable. Default: data.path of the config.")
    List<String> inputs = new ArrayList<>();

    @Mixin
    LongFormatMixin longFormat;

    @Option(names = "--per-column", description = "Each value column of one wide --input file is its own series (id: the column name;"
            + " data.target, when set, picks the columns).")
    boolean perColumn;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output directory (created when missing); required.")
    Path out;

    /** The spelling before 0.2 ({@code --out}), kept hidden for a release. */
    @Option(names = "--out", hidden = true, paramLabel = "DIR")
    void outAlias(Path dir) {
        out = dir;
    }

    @Option(names = "--workers", paramLabel = "N", description = "Series trained at once, one single-threaded network each (default: cores).")
    Integer workers;

    @Mixin
    BatchModeMixin mode;

    @Option(names = "--fail-fast", description = "Stop at the first failed series (series in flight finish).")
    boolean failFast;

    @Option(names = "--shard", paramLabel = "K/N", description = "Run only shard K (0-based) of N: the series whose id hashes"
            + " (SHA-256) to K, so N jobs (a job array) split the input without Spark. Use a separate --out per shard.")
    String shard;

    @Option(names = "--json", description = "Print the run summary as JSON on stdout.")
    boolean json;

    @Override
    protected int run() throws Exception {
        String seriesColumn = longFormat.seriesColumn();
        if (out == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--output=DIR'");
        }
        checkOptions();
        SeqcastConfig cfg = config.load();
        if (inputs.isEmpty()) {
            if (cfg.data().path() == null) {
                throw SeqcastException.config("no input: give --input FILE|DIR|GLOB|- (repeatable), or data.path in the config");
            }
            inputs = List.of(config.resolveDataPath(cfg.data().path()));
        }
        SeriesSource source;
        List<String> inputFiles = new ArrayList<>(inputs);
        if (perColumn) {
            if (inputs.size() != 1 || seriesColumn != null) {
                throw SeqcastException.config("--per-column reads the columns of one wide file; give one --input and no --series-column");
            }
            CsvProfile p = CsvProfile.inspect(CsvSeriesReader.readAll(inputs.get(0)), CsvSeriesReader.sourceName(inputs.get(0)));
            DataConfig d = cfg.data();
            if (!d.features().isEmpty()) {
                throw SeqcastException.config("--per-column forecasts each column alone; it takes no data.features");
            }
            String time = d.timeColumn() != null ? d.timeColumn() : p.timeColumn() != null ? p.timeColumn() : p.header().get(0);
            List<String> cols = d.target().isEmpty() ? p.numericColumns(time) : d.target();
            source = SeriesSource.perColumn(p, time, cols, ReadOptions.of(d));
            cfg = cfg.withData(d.withColumns(time, List.of(SeriesSource.PER_COLUMN_VALUE)));
            info("columns of " + p.source() + " as series: " + String.join(", ", cols));
        } else if (seriesColumn != null) {
            if (inputs.size() != 1) {
                throw SeqcastException.config("--series-column reads one long-format file; got " + inputs.size() + " --input values");
            }
            cfg = withColumns(cfg, inputs.get(0));
            source = SeriesSource.longFormat(inputs.get(0), seriesColumn, cfg.data().timeColumn(), BatchColumns.valueColumns(cfg),
                    ReadOptions.of(cfg.data()));
        } else {
            List<Path> files = SeriesSource.expand(inputs, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
            if (files.isEmpty()) {
                throw SeqcastException.config("--input -: standard input listed no paths");
            }
            inputFiles = files.stream().map(Path::toString).toList();
            if (cfg.data().timeColumn() == null || cfg.data().target().isEmpty()) {
                cfg = withColumns(cfg, firstReadable(files));
            }
            source = SeriesSource.files(files, cfg.data().timeColumn(), BatchColumns.valueColumns(cfg), ReadOptions.of(cfg.data()));
        }
        if (shard != null) {
            int all = source.size();
            Shard sh = Shard.parse(shard);
            source = source.filter(sh::takes);
            info(String.format(Locale.ROOT, "batch: shard %s takes %d of %d series", sh, source.size(), all));
        }
        int w = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        info(String.format(Locale.ROOT, "batch: %d series, time column '%s', target %s, %d worker%s%s -> %s", source.size(),
                cfg.data().timeColumn(), cfg.data().target(), w, w == 1 ? "" : "s", mode.global() ? ", one global network" : "", out));

        OutputPaths paths = new OutputPaths().input("-c", config.configFile()).outputDirectory("--out", out)
                .outputInDirectory("--out", out.resolve("forecasts.csv")).outputInDirectory("--out", out.resolve("summary.csv"));
        for (String in : inputFiles) {
            paths.input("--input", in);
        }
        paths.check();
        if (models() != null && java.nio.file.Files.isRegularFile(models())) {
            org.seqcast.store.ModelFile.read(models()); // one model for every series: a bad file is the run's error, not each series'
        }
        try (BatchOutputs outputs = new BatchOutputs(out, source.idColumn(), BatchColumns.forecastHeader(cfg))) {
            outputs.start(fingerprint(cfg), mode.resume());
            return run(cfg, source, outputs, w);
        }
    }

    private int run(SeqcastConfig cfg, SeriesSource source, BatchOutputs outputs, int w) throws Exception {
        BatchRunner runner = new BatchRunner(cfg, source, outputs,
                new BatchRunner.Settings(w, failFast, mode.resume(), mode.saveModels(), mode.evaluate(), models(), mode.global()),
                BatchProgress.create(common.quiet(), Progress.stderrIsTerminal(), err()));
        CountDownLatch reported = new CountDownLatch(1);
        // Ctrl-C / SIGTERM: stop taking series, then wait (in the shutdown hook) until the CSVs of what is done are written.
        try (Shutdown.Registration hook = Shutdown.onStop(() -> {
            runner.interrupt();
            try {
                reported.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            BatchRunner.Report r = runner.run();
            ExitCode code = r.interrupted() ? ExitCode.INTERRUPTED : r.failed() + r.skipped() > 0 ? ExitCode.PARTIAL : ExitCode.OK;
            report(r, w, code);
            return code.code();
        } finally {
            reported.countDown();
        }
    }

    private void checkOptions() {
        if (workers != null && workers < 1) {
            throw SeqcastException.config("Invalid --workers = " + workers + "; give 1 or more");
        }
        mode.check();
        if (shard != null) {
            Shard.parse(shard);
        }
    }

    /** The config with data.time_column and data.target taken from the input's header when not set. */
    private SeqcastConfig withColumns(SeqcastConfig cfg, String firstInput) {
        return longFormat.columns(cfg, firstInput, this::info);
    }

    /** The first file whose header can be read (an unreadable one fails as its own series later); the first file when none can. */
    private static String firstReadable(List<Path> files) {
        for (Path f : files) {
            try {
                CsvSeriesReader.header(f.toString());
                return f.toString();
            } catch (SeqcastException e) {
                // try the next one
            }
        }
        return files.get(0).toString();
    }

    /** The saved models to apply ({@code --models}), or null. */
    private Path models() {
        return mode.models() == null ? null : Path.of(mode.models());
    }

    /** What must be equal for --resume to reuse earlier results: the resolved config and the mode. */
    private String fingerprint(SeqcastConfig cfg) {
        return ConfigLoader.toYaml(cfg) + "\n# batch mode: " + (mode.global() ? "global" : "per-series") + (mode.evaluate() ? ", evaluate" : "")
                + (models() != null ? ", models " + models().toAbsolutePath().normalize() : "") + ", series column "
                + (longFormat.seriesColumn() == null ? "-" : longFormat.seriesColumn()) + (shard == null ? "" : ", shard " + Shard.parse(shard)) + "\n";
    }

    private void report(BatchRunner.Report r, int w, ExitCode code) throws Exception {
        double perSecond = r.ran() > 0 && r.seconds() > 0 ? r.ran() / r.seconds() : 0;
        info(String.format(Locale.ROOT, "batch: %d ok, %d failed, %d not run%s in %.1f s (%.3f series/s over %d run); %s, %s%s",
                r.ok(), r.failed(), r.skipped(), r.resumed() > 0 ? " (" + r.resumed() + " resumed)" : "", r.seconds(), perSecond, r.ran(),
                out.resolve("forecasts.csv"), out.resolve("summary.csv"), r.interrupted() ? "; interrupted: re-run with --resume to finish" : ""));
        List<String> fallbacks = new ArrayList<>();
        for (BatchOutputs.Row row : r.rows()) {
            if (row.status() == SeriesResult.Status.OK && "theta".equals(row.method())) {
                fallbacks.add(row.series());
            }
        }
        if (!fallbacks.isEmpty()) {
            info(String.format(Locale.ROOT, "batch: %d series too short for a network forecast with the Theta method instead (summary.csv "
                    + "method theta; --save-models saves it as a classical model): %s", fallbacks.size(), fallbacks.size() <= 10 ? String.join(", ", fallbacks)
                    : String.join(", ", fallbacks.subList(0, 10)) + ", ..."));
        }
        if (!json) {
            return;
        }
        List<BatchJson.Failure> failures = new ArrayList<>();
        for (BatchOutputs.Row row : r.rows()) {
            if (row.status() != SeriesResult.Status.OK) {
                failures.add(new BatchJson.Failure(row.series(), row.status().word(), row.error()));
            }
        }
        out().println(Json.write(new BatchJson(out.toString(), out.resolve("forecasts.csv").toString(), out.resolve("summary.csv").toString(),
                r.rows().size(), r.ok(), r.failed(), r.skipped(), r.resumed(), w, r.seconds(), perSecond, r.interrupted(), code.code(),
                failures, fallbacks)));
    }

    /** {@code batch --json}: the run summary; {@code theta}: the series too short for a network, forecast with the Theta method. */
    record BatchJson(String out, String forecasts, String summary, int series, int ok, int failed, int notRun, int resumed, int workers,
                     double seconds, double seriesPerSecond, boolean interrupted, int exitCode, List<Failure> failures,
                     List<String> theta) {
        /** A series that did not succeed: its status word ({@code failed} or {@code skipped}) and reason. */
        record Failure(String series, String status, String error) {
        }
    }
}
