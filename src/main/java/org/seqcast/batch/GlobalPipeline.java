package org.seqcast.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.seqcast.SeqcastException;
import org.seqcast.data.AutoDefaults;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Forecaster;
import org.seqcast.forecast.ModelBundle;
import org.seqcast.train.ProgressSink;
import org.seqcast.train.TrainJob;
import org.seqcast.train.TrainReport;

/**
 * {@code --global}: the one training pipeline ({@link TrainJob}) over all series at once (one network on the
 * windows of every series, each series with its own preprocessor), then every series forecast with its model.
 * Over one series it is exactly {@code train}. A pure function of (config, series) like {@link SeriesPipeline};
 * a series that cannot be prepared fails alone, a training failure fails them all.
 */
public final class GlobalPipeline {
    private GlobalPipeline() {
    }

    /**
     * What a global run made: one result per series (in input order), the one model of the run ({@link ModelBundle.Kind#GLOBAL},
     * null when training failed or the run had one series), the training report, and when training failed as a whole
     * the exception (report null; every result FAILED with its message).
     */
    public record Run(List<SeriesResult> results, ModelBundle model, TrainReport report, RuntimeException error) {
    }

    /**
     * @param series  the series in input order (ids parallel)
     * @param workers threads for ensemble members
     * @return one result per series, in the same order
     */
    public static List<SeriesResult> run(SeqcastConfig config, List<String> ids, List<TimeSeries> series, SeriesPipeline.Options options,
                                         int workers) {
        return train(config, ids, series, options, workers, ProgressSink.QUIET).results();
    }

    /** {@link #run}, keeping the global model and the report; {@code progress} sees the first member's epochs. */
    public static Run train(SeqcastConfig config, List<String> ids, List<TimeSeries> series, SeriesPipeline.Options options,
                            int workers, ProgressSink progress) {
        if (ids.size() != series.size()) {
            throw new IllegalArgumentException("Invalid input: " + ids.size() + " ids for " + series.size() + " series");
        }
        if (ids.isEmpty()) {
            return new Run(List.of(), null, null, null);
        }
        // One network, one horizon: window.horizon: auto follows the first series' frequency and the shortest series.
        SeqcastConfig cfg = AutoDefaults.resolve(config, series.get(0).frequency(),
                series.stream().mapToInt(TimeSeries::length).min().orElse(0));
        long t0 = System.nanoTime();
        Map<String, SeriesResult.Holdout> holdouts = new java.util.LinkedHashMap<>();
        Map<String, String> holdoutErrors = new java.util.LinkedHashMap<>();
        if (options.evaluate()) {
            holdouts(cfg, ids, series, workers, holdouts, holdoutErrors);
        }
        TrainJob.GlobalOutcome full;
        try {
            full = TrainJob.run(cfg, ids, series, workers, progress);
        } catch (RuntimeException e) {
            double each = SeriesPipeline.seconds(t0) / ids.size();
            List<SeriesResult> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                out.add(SeriesPipeline.failed(ids.get(i), series.get(i).length(), each, e));
            }
            return new Run(out, null, null, e);
        }
        double each = SeriesPipeline.seconds(t0) / ids.size();
        Map<String, TrainReport.SeriesReport> reports = new java.util.HashMap<>();
        full.report().series().forEach(r -> reports.put(r.id(), r));
        // each series forecast with its own model (and ETS fitted, under forecast.combine) on the workers, in input order
        final TrainJob.GlobalOutcome trained = full;
        List<Integer> order = java.util.stream.IntStream.range(0, ids.size()).boxed().toList();
        List<SeriesResult> out = org.seqcast.Parallel.map(order, workers, "seqcast-forecast", i -> {
            String id = ids.get(i);
            TimeSeries s = series.get(i);
            ModelBundle bundle = trained.models().get(id);
            if (bundle == null) {
                return SeriesPipeline.failed(id, s.length(), each, trained.failures().get(id));
            } else if (holdoutErrors.containsKey(id)) {
                return SeriesResult.notOk(id, SeriesResult.Status.FAILED, s.length(), each, holdoutErrors.get(id));
            }
            try {
                return SeriesPipeline.ok(id, s, bundle, reports.get(id), trained.report().epochsRun(), holdouts.get(id), each,
                        options.keepBundle());
            } catch (RuntimeException e) {
                return SeriesPipeline.failed(id, s.length(), each, e);
            }
        });
        return new Run(out, trained.global(), trained.report(), null);
    }

    /** One global model trained without the last horizon of every series, each series' holdout scored with its own model. */
    private static void holdouts(SeqcastConfig cfg, List<String> ids, List<TimeSeries> series, int workers,
                                 Map<String, SeriesResult.Holdout> holdouts, Map<String, String> errors) {
        int h = cfg.window().horizonSteps();
        List<String> hids = new ArrayList<>();
        List<TimeSeries> histories = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            TimeSeries s = series.get(i);
            if (s.length() <= h) {
                errors.put(ids.get(i), s.source() + ": " + s.length() + " rows; --evaluate holds out the last window.horizon = " + h
                        + " rows, so give more rows or lower window.horizon");
            } else {
                hids.add(ids.get(i));
                histories.add(s.slice(0, s.length() - h));
            }
        }
        if (hids.isEmpty()) {
            return;
        }
        TrainJob.GlobalOutcome g;
        try {
            g = TrainJob.run(cfg, hids, histories, workers, ProgressSink.QUIET);
        } catch (RuntimeException e) {
            for (String id : hids) {
                errors.put(id, "holdout: " + SeriesPipeline.failed(id, 0, 0, e).error());
            }
            return;
        }
        for (String id : hids) {
            ModelBundle b = g.models().get(id);
            if (b == null) {
                SeqcastException e = g.failures().get(id);
                errors.put(id, "holdout: " + SeriesPipeline.oneLine(e.getMessage()));
                continue;
            }
            try {
                holdouts.put(id, SeriesPipeline.holdout(cfg, series.get(ids.indexOf(id)), history -> new Forecaster(b)));
            } catch (RuntimeException e) {
                errors.put(id, "holdout: " + SeriesPipeline.failed(id, 0, 0, e).error());
            }
        }
    }
}
