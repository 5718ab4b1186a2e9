package org.seqcast.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.seqcast.SeqcastException;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.ModelBundle;
import org.seqcast.store.ModelFile;

/**
 * Runs a batch: a pool of {@code workers} threads, each running {@link SeriesPipeline} on one series at a
 * time with its own single-threaded network, recording each finished series in {@link BatchOutputs}; then
 * assembles forecasts.csv and summary.csv in input order. A failed series is recorded and the rest go on
 * (unless fail-fast); {@link #interrupt()} (Ctrl-C) stops taking new series and writes what is done.
 */
public final class BatchRunner {

    /**
     * How to run.
     *
     * @param models     apply the saved models in this directory instead of training (null: train)
     * @param global     one network over all series ({@link GlobalPipeline})
     */
    public record Settings(int workers, boolean failFast, boolean resume, boolean saveModels, boolean evaluate, Path models,
                           boolean global) {
        public Settings {
            if (workers < 1) {
                throw new IllegalArgumentException("Invalid workers = " + workers);
            }
        }
    }

    /** What the run did; {@code rows} are summary.csv's lines in input order. */
    public record Report(List<BatchOutputs.Row> rows, int ok, int failed, int skipped, int resumed, double seconds, boolean interrupted) {
        /** Series actually run now (not resumed, not skipped). */
        public int ran() {
            return ok + failed - resumed;
        }
    }

    private final SeqcastConfig cfg;
    private final SeriesSource source;
    private final BatchOutputs outputs;
    private final Settings settings;
    private final BatchProgress progress;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicBoolean interrupted = new AtomicBoolean();

    public BatchRunner(SeqcastConfig cfg, SeriesSource source, BatchOutputs outputs, Settings settings, BatchProgress progress) {
        this.cfg = cfg;
        this.source = source;
        this.outputs = outputs;
        this.settings = settings;
        this.progress = progress;
    }

    /** Stops the run soon: no new series start, series in flight are abandoned, outputs are written from what is complete. */
    public void interrupt() {
        interrupted.set(true);
        stop.set(true);
    }

    /** Runs the batch (outputs already {@link BatchOutputs#start started}) and writes the two CSVs. */
    public Report run() {
        long t0 = System.nanoTime();
        List<String> ids = source.ids();
        Map<String, SeriesResult> unfinished = new HashMap<>();
        List<Integer> todo = new ArrayList<>();
        int resumed = 0;
        for (int i = 0; i < ids.size(); i++) {
            // resumed only when the earlier result was made from the same data (loads each series once more to hash it)
            if (settings.resume() && outputs.completed(ids.get(i), SeriesSource.dataHash(source.load(i)), settings.saveModels()) != null) {
                resumed++;
            } else {
                todo.add(i);
            }
        }
        progress.start(ids.size(), resumed);
        try {
            if (settings.global()) {
                runGlobal(todo, unfinished);
            } else {
                runPool(todo, unfinished);
            }
        } finally {
            progress.close();
        }
        List<BatchOutputs.Row> rows = outputs.assemble(ids, unfinished);
        int ok = 0;
        int failed = 0;
        int skipped = 0;
        for (BatchOutputs.Row r : rows) {
            switch (r.status()) {
                case OK -> ok++;
                case FAILED -> failed++;
                case SKIPPED -> skipped++;
            }
        }
        return new Report(rows, ok, failed, skipped, resumed, SeriesPipeline.seconds(t0), interrupted.get());
    }

    private void runPool(List<Integer> todo, Map<String, SeriesResult> unfinished) {
        if (todo.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.workers(), todo.size()), r -> {
            Thread t = new Thread(r, "seqcast-batch");
            t.setDaemon(true);
            return t;
        });
        CompletionService<BatchOutputs.Row> done = new ExecutorCompletionService<>(pool);
        Map<Future<BatchOutputs.Row>, String> pending = new HashMap<>();
        try {
            for (int i : todo) {
                pending.put(done.submit(() -> one(i)), source.ids().get(i));
            }
            while (!pending.isEmpty() && !interrupted.get()) {
                Future<BatchOutputs.Row> f = done.poll(200, TimeUnit.MILLISECONDS);
                if (f == null) {
                    continue;
                }
                String id = pending.remove(f);
                BatchOutputs.Row row = result(f, id, unfinished);
                if (row.status() == SeriesResult.Status.SKIPPED) {
                    unfinished.put(id, SeriesResult.notOk(id, SeriesResult.Status.SKIPPED, 0, 0, notRun()));
                    continue;
                }
                progress.done(row);
                if (row.status() == SeriesResult.Status.FAILED && settings.failFast()) {
                    stop.set(true);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupt();
        } finally {
            pool.shutdownNow();
        }
        for (String id : pending.values()) {
            unfinished.putIfAbsent(id, SeriesResult.notOk(id, SeriesResult.Status.SKIPPED, 0, 0, notRun()));
        }
    }

    private String notRun() {
        return interrupted.get() ? "not run: interrupted" : "not run: --fail-fast stopped the batch at the first failure";
    }

    private BatchOutputs.Row result(Future<BatchOutputs.Row> f, String id, Map<String, SeriesResult> unfinished) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            // one() records failures itself; this is a failure to record (e.g. the output disk is full)
            Throwable c = e.getCause();
            String msg = c instanceof SeqcastException se ? se.getMessage() : c instanceof OutOfMemoryError
                    ? "out of memory (" + c.getMessage() + "); run fewer --workers or give Java more memory (-Xmx)" : "internal error: " + c;
            SeriesResult r = SeriesResult.notOk(id, SeriesResult.Status.FAILED, 0, 0, SeriesPipeline.oneLine(msg));
            unfinished.put(id, r);
            return BatchOutputs.row(r);
        }
    }

    /** The work of one series on a worker thread: load, run the pipeline, record. */
    private BatchOutputs.Row one(int i) {
        String id = source.ids().get(i);
        if (stop.get()) {
            return BatchOutputs.row(SeriesResult.notOk(id, SeriesResult.Status.SKIPPED, 0, 0, "not run"));
        }
        long t0 = System.nanoTime();
        SeriesSource.Loaded l = source.load(i);
        SeriesResult r;
        if (l.error() != null) {
            r = SeriesPipeline.failed(id, 0, SeriesPipeline.seconds(t0), l.error());
        } else if (settings.models() != null) {
            r = applySaved(id, l.series(), t0);
        } else {
            r = SeriesPipeline.run(cfg, id, l.series(), new SeriesPipeline.Options(settings.evaluate(), settings.saveModels()));
        }
        r = checkHeader(r);
        if (!r.ok() && settings.failFast()) {
            stop.set(true); // before this worker or another takes the next series
        }
        return outputs.write(r, SeriesSource.dataHash(l));
    }

    private SeriesResult applySaved(String id, TimeSeries series, long t0) {
        boolean one = Files.isRegularFile(settings.models());
        Path file = one ? settings.models() : BatchOutputs.modelFile(settings.models(), id);
        if (!one && !Files.exists(file)) {
            return SeriesResult.notOk(id, SeriesResult.Status.FAILED, series.length(), SeriesPipeline.seconds(t0),
                    "no model " + file + " for this series; train one with 'seqcast batch --save-models'");
        }
        ModelBundle bundle;
        try {
            bundle = one ? shared(file) : ModelFile.read(file);
            org.seqcast.store.SchemaChecks.requireFrequency(bundle.schema(), series, file.toString());
        } catch (RuntimeException e) {
            return SeriesPipeline.failed(id, series.length(), SeriesPipeline.seconds(t0), e);
        }
        return SeriesPipeline.apply(bundle, id, series);
    }

    private ModelBundle sharedModel;

    /** The one model file of {@code --models FILE} (a global model, or any model applied to every series), read once. */
    private synchronized ModelBundle shared(Path file) {
        if (sharedModel == null) {
            sharedModel = ModelFile.read(file);
        }
        return sharedModel;
    }

    /** A forecast whose columns differ from the batch's forecasts.csv columns fails its series (a saved model of other targets). */
    private SeriesResult checkHeader(SeriesResult r) {
        if (r.ok() && !r.forecast().header().equals(outputs.forecastHeader())) {
            return SeriesResult.notOk(r.id(), SeriesResult.Status.FAILED, r.rows(), r.seconds(), "the forecast has columns "
                    + r.forecast().header() + " but this batch writes " + outputs.forecastHeader()
                    + "; set data.time_column, data.target and forecast.intervals to match the model");
        }
        return r;
    }

    private void runGlobal(List<Integer> todo, Map<String, SeriesResult> unfinished) {
        List<String> ids = new ArrayList<>();
        List<TimeSeries> series = new ArrayList<>();
        Map<String, String> hashes = new HashMap<>();
        for (int i : todo) {
            SeriesSource.Loaded l = source.load(i);
            if (l.error() != null) {
                SeriesResult r = SeriesPipeline.failed(l.id(), 0, 0, l.error());
                progress.done(outputs.write(r, null));
                if (settings.failFast()) {
                    stop.set(true);
                }
            } else {
                ids.add(l.id());
                series.add(l.series());
                hashes.put(l.id(), SeriesSource.dataHash(l));
            }
        }
        if (stop.get()) {
            for (String id : ids) {
                unfinished.put(id, SeriesResult.notOk(id, SeriesResult.Status.SKIPPED, 0, 0, notRun()));
            }
            return;
        }
        // a run over one series makes no global model: its series' own model is the run's model
        boolean one = ids.size() == 1;
        GlobalPipeline.Run run = GlobalPipeline.train(cfg, ids, series, new SeriesPipeline.Options(settings.evaluate(),
                settings.saveModels() && one), settings.workers(), org.seqcast.train.ProgressSink.QUIET);
        ModelBundle model = run.model() != null ? run.model() : one && !run.results().isEmpty() ? run.results().get(0).bundle() : null;
        if (settings.saveModels() && model != null) {
            outputs.writeGlobalModel(model); // before the results: a run whose forecasts are out has its model written
        }
        for (SeriesResult r : run.results()) {
            SeriesResult without = r.bundle() == null ? r : new SeriesResult(r.id(), r.status(), r.rows(), r.epochs(), r.validationMae(),
                    r.mase(), r.holdout(), r.seconds(), r.error(), r.forecast(), null, r.method());
            progress.done(outputs.write(checkHeader(without), hashes.get(r.id())));
        }
    }
}
