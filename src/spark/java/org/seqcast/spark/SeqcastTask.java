package org.seqcast.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.seqcast.SeqcastException;
import org.seqcast.batch.BatchColumns;
import org.seqcast.batch.BatchOutputs;
import org.seqcast.batch.GlobalPipeline;
import org.seqcast.batch.SeriesPipeline;
import org.seqcast.batch.SeriesResult;
import org.seqcast.config.ConfigLoader;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.CsvSeriesReader;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.ModelBundle;
import org.seqcast.store.ModelFile;

/**
 * The adapter between the Spark job and seqcast: the only class of this package that calls seqcast's
 * pipeline ({@link SeriesPipeline}, {@link GlobalPipeline}), its series reader, model files and row
 * formatting ({@link BatchOutputs}). It travels to the executors as a serialized value: the resolved
 * config as YAML, parsed once per JVM.
 */
public final class SeqcastTask implements SeriesTask {
    private static final long serialVersionUID = 1L;

    /** How the series are run. */
    public enum Mode {
        /** Train one model per series and forecast it (with {@code --evaluate}: also score a holdout). */
        TRAIN,
        /** Apply each series' saved model ({@code --models DIR}). */
        APPLY,
        /** One network over all series ({@code --global}). */
        GLOBAL
    }

    private final String configYaml;
    private final Mode mode;
    private final boolean evaluate;
    private final boolean saveModels;
    private final String source;
    private final String seriesColumn;
    private final NativeSettings natives;
    private final String timeColumn;
    private final List<String> valueColumns;
    private final List<String> forecastHeader;
    private transient SeqcastConfig cfg;

    private SeqcastTask(SeqcastConfig cfg, Mode mode, boolean evaluate, boolean saveModels, String source, String seriesColumn,
                        NativeSettings natives) {
        this.configYaml = ConfigLoader.toYaml(cfg);
        this.mode = mode;
        this.evaluate = evaluate;
        this.saveModels = saveModels;
        this.source = source;
        this.seriesColumn = seriesColumn;
        this.natives = natives;
        this.timeColumn = cfg.data().timeColumn();
        this.valueColumns = List.copyOf(BatchColumns.valueColumns(cfg));
        this.forecastHeader = List.copyOf(BatchColumns.forecastHeader(cfg));
        this.cfg = cfg;
    }

    /**
     * The task for a config, with data.time_column and data.target taken from the input's header when the
     * config leaves them unset (as {@code seqcast batch} does).
     *
     * @param source the input as named in errors (each series is "source [column=id]")
     */
    public static SeqcastTask create(SeqcastConfig cfg, List<String> header, String seriesColumn, String source, Mode mode,
                                     boolean evaluate, boolean saveModels, NativeSettings natives) {
        if (mode == Mode.GLOBAL && cfg.forecast().recursive()) {
            throw SeqcastException.config("--global trains direct (multi-output) models only; drop --global or set forecast.strategy: direct");
        }
        SeqcastConfig c = BatchColumns.withColumns(cfg, header, seriesColumn, source);
        if (seriesColumn.equals(c.data().timeColumn()) || BatchColumns.valueColumns(c).contains(seriesColumn)) {
            throw SeqcastException.config("--series-column " + seriesColumn + " is also the time column or a target/feature; "
                    + "name the column that identifies each series");
        }
        return new SeqcastTask(c, mode, evaluate, saveModels, source, seriesColumn, natives);
    }

    /** What must be equal for {@code --resume} to reuse earlier results: the resolved config and the mode. */
    public String fingerprint() {
        return configYaml + "\n# spark batch mode: " + mode.name().toLowerCase(java.util.Locale.ROOT) + (evaluate ? ", evaluate" : "")
                + ", series column " + seriesColumn + "\n";
    }

    /** The target columns (for the driver's report). */
    public List<String> targets() {
        return config().data().target();
    }

    @Override
    public String timeColumn() {
        return timeColumn;
    }

    @Override
    public List<String> valueColumns() {
        return valueColumns;
    }

    @Override
    public List<String> forecastHeader() {
        return forecastHeader;
    }

    @Override
    public List<String> summaryHeader() {
        return BatchOutputs.SUMMARY_HEADER;
    }

    @Override
    public String modelFileName(String id) {
        return BatchOutputs.key(id) + ".seqcast";
    }

    @Override
    public SeriesOutput run(String id, List<String[]> rows, byte[] savedModel) {
        natives.apply();
        long t0 = System.nanoTime();
        TimeSeries series;
        try {
            series = series(id, rows);
        } catch (SeqcastException e) {
            return output(SeriesResult.notOk(id, SeriesResult.Status.FAILED, 0, seconds(t0), e.getMessage()));
        }
        SeriesResult r;
        if (mode == Mode.APPLY) {
            r = apply(id, series, savedModel, t0);
        } else {
            r = SeriesPipeline.run(config(), id, series, new SeriesPipeline.Options(evaluate, saveModels));
        }
        return output(r);
    }

    @Override
    public GlobalTraining train(List<String> ids, List<List<String[]>> rows, int workers) {
        natives.apply();
        List<SeriesOutput> out = new ArrayList<>();
        List<String> okIds = new ArrayList<>();
        List<TimeSeries> okSeries = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            try {
                okSeries.add(series(ids.get(i), rows.get(i)));
                okIds.add(ids.get(i));
            } catch (SeqcastException e) {
                out.add(output(SeriesResult.notOk(ids.get(i), SeriesResult.Status.FAILED, 0, 0, e.getMessage())));
            }
        }
        if (okIds.isEmpty()) {
            return new GlobalTraining(null, out, java.util.Map.of());
        }
        boolean intervals = !config().forecast().intervals().isEmpty();
        GlobalPipeline.Run run = GlobalPipeline.train(config(), okIds, okSeries, new SeriesPipeline.Options(evaluate, intervals), workers,
                org.seqcast.train.ProgressSink.QUIET);
        java.util.Map<String, Intervals> bands = new java.util.HashMap<>();
        for (SeriesResult r : run.results()) {
            if (r.ok() && r.bundle() != null) {
                List<ModelBundle.IntervalBand> b = r.bundle().intervals();
                bands.put(r.id(), new Intervals(b.stream().mapToInt(ModelBundle.IntervalBand::level).toArray(),
                        b.stream().map(ModelBundle.IntervalBand::lower).toArray(double[][][]::new),
                        b.stream().map(ModelBundle.IntervalBand::upper).toArray(double[][][]::new), logScales(b)));
            }
            SeriesOutput o = output(new SeriesResult(r.id(), r.status(), r.rows(), r.epochs(), r.validationMae(), r.mase(), r.holdout(),
                    r.seconds(), r.error(), r.forecast(), null, r.method()));
            out.add(new SeriesOutput(o.id(), o.ok(), o.summary(), List.of(), null));
        }
        return new GlobalTraining(run.model() == null ? null : bytes(run.model()), out, bands);
    }

    private static boolean[] logScales(List<ModelBundle.IntervalBand> bands) {
        boolean[] log = new boolean[bands.size()];
        for (int i = 0; i < log.length; i++) {
            log[i] = bands.get(i).logScale();
        }
        return log;
    }

    @Override
    public SeriesOutput forecast(String id, List<String[]> rows, byte[] model, SeriesOutput trained, Intervals intervals) {
        natives.apply();
        if (trained == null || !trained.ok() || model == null || model.length == 0) {
            return trained != null ? trained : failed(id, "not trained: the series was not in the global run");
        }
        long t0 = System.nanoTime();
        try {
            TimeSeries series = series(id, rows);
            ModelBundle fitted = org.seqcast.train.SavedModels.fitted(global(model), series);
            if (intervals != null) {
                List<ModelBundle.IntervalBand> bands = new ArrayList<>();
                for (int l = 0; l < intervals.levels().length; l++) {
                    bands.add(new ModelBundle.IntervalBand(intervals.levels()[l], intervals.lower()[l], intervals.upper()[l],
                            intervals.logScale()[l]));
                }
                fitted = new ModelBundle(fitted.config(), fitted.schema(), fitted.network(), fitted.members(), fitted.preprocessor(), bands,
                        fitted.provenance());
            }
            SeriesResult r = SeriesPipeline.apply(fitted, id, series);
            SeriesOutput o = output(r);
            return o.ok() ? new SeriesOutput(id, true, trained.summary(), o.forecast(), null) : o;
        } catch (RuntimeException e) {
            return output(SeriesResult.notOk(id, SeriesResult.Status.FAILED, rows.size(), seconds(t0), oneLine(e)));
        }
    }

    /**
     * The model of these bytes, read once per executor JVM while the same bytes come again (the broadcast global model, or
     * the one model of {@code --models FILE}, reaches every task of a job).
     */
    private static synchronized ModelBundle global(byte[] model) {
        String sha;
        try {
            sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(model));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (!sha.equals(globalSha)) {
            Path tmp = writeTemp(model, "global");
            try {
                globalModel = ModelFile.read(tmp);
            } finally {
                deleteQuietly(tmp);
            }
            globalSha = sha;
        }
        return globalModel;
    }

    private static String globalSha;
    private static ModelBundle globalModel;

    /** A model file's bytes. */
    private static byte[] bytes(ModelBundle bundle) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try {
            ModelFile.write(b, bundle);
        } catch (IOException e) {
            throw SeqcastException.io("cannot write the global model: " + e.getMessage(), e);
        }
        return b.toByteArray();
    }

    @Override
    public SeriesOutput failed(String id, String reason) {
        return output(SeriesResult.notOk(id, SeriesResult.Status.FAILED, 0, 0, reason));
    }

    private TimeSeries series(String id, List<String[]> rows) {
        return CsvSeriesReader.fromRows(source + " [" + seriesColumn + "=" + id + "]", timeColumn, valueColumns, rows,
                config().data().missing(), sha256(rows));
    }

    /** SHA-256 of the series' rows as given (the provenance of a model trained on them). */
    private static String sha256(List<String[]> rows) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (String[] r : rows) {
                md.update(String.join(",", r).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private SeriesResult apply(String id, TimeSeries series, byte[] savedModel, long t0) {
        if (savedModel == null) {
            return SeriesResult.notOk(id, SeriesResult.Status.FAILED, series.length(), seconds(t0),
                    "no model " + BatchOutputs.key(id) + ".seqcast for this series in --models; train one with --save-models");
        }
        ModelBundle bundle;
        try {
            bundle = global(savedModel);
            org.seqcast.store.SchemaChecks.requireFrequency(bundle.schema(), series, "--models");
        } catch (RuntimeException e) {
            return SeriesResult.notOk(id, SeriesResult.Status.FAILED, series.length(), seconds(t0), oneLine(e));
        }
        SeriesResult r = SeriesPipeline.apply(bundle, id, series);
        if (r.ok() && !r.forecast().header().equals(forecastHeader)) {
            return SeriesResult.notOk(id, SeriesResult.Status.FAILED, r.rows(), r.seconds(), "the forecast has columns "
                    + r.forecast().header() + " but this batch writes " + forecastHeader
                    + "; set data.time_column, data.target and forecast.intervals to match the model");
        }
        return r;
    }

    private SeriesOutput output(SeriesResult r) {
        if (r.ok() && !r.forecast().header().equals(forecastHeader)) {
            r = SeriesResult.notOk(r.id(), SeriesResult.Status.FAILED, r.rows(), r.seconds(), "the forecast has columns "
                    + r.forecast().header() + " but this batch writes " + forecastHeader);
        }
        byte[] model = null;
        if (r.ok() && r.bundle() != null) {
            Path tmp = null;
            try {
                tmp = Files.createTempFile("seqcast-model-", ".seqcast");
                ModelFile.write(tmp, r.bundle());
                model = Files.readAllBytes(tmp);
            } catch (IOException e) {
                throw SeqcastException.io("cannot write a temporary model file: " + e.getMessage(), e);
            } finally {
                deleteQuietly(tmp);
            }
        }
        return new SeriesOutput(r.id(), r.ok(), BatchOutputs.row(r).cells(),
                r.ok() ? BatchOutputs.forecastRows(r.id(), r.forecast()) : List.of(), model);
    }

    private static Path writeTemp(byte[] bytes, String id) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("seqcast-" + BatchOutputs.key(id) + "-", ".seqcast");
            Files.write(tmp, bytes);
            tmp.toFile().deleteOnExit();
            return tmp;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw SeqcastException.io("cannot write a temporary model file: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a temp file left behind
            }
        }
    }

    private static String oneLine(RuntimeException e) {
        String m = e instanceof SeqcastException ? e.getMessage() : "internal error: " + e;
        return m == null ? "unknown error" : m.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private SeqcastConfig config() {
        if (cfg == null) {
            cfg = ConfigLoader.fromYaml(configYaml, "the Spark job's config", List.of());
        }
        return cfg;
    }
}
