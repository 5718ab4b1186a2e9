package org.seqcast.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqcast.backtest.Backtest;
import org.seqcast.data.TimeSeries;
import org.seqcast.eval.Scores;
import org.seqcast.forecast.Method;
import org.seqcast.train.TrainReport;
import org.seqcast.forecast.Forecast;
import org.seqcast.model.LayerSummary;
import org.seqcast.model.NetworkSpec;
import org.seqcast.forecast.Provenance;

/**
 * The JSON documents the commands print ({@code train}, {@code predict}, {@code backtest}, {@code evaluate}, {@code summary}), as records bound by
 * {@link org.seqcast.io.Json#MAPPER} (snake_case); their shapes are documented in the README and held by
 * a test.
 */
final class JsonReports {
    private JsonReports() {
    }

    /**
     * What a command read: rows, frequency, season, time range, targets and features.
     *
     * @param frequency as {@code seqcast} describes it: monthly, every 30 minutes, business daily (Mon-Fri), ...
     */
    record DataSummary(String path, int rows, String frequency, int season, String firstTime, String lastTime, List<String> targets,
                       List<String> features) {
        static DataSummary of(TimeSeries s, int season, List<String> targets, List<String> features) {
            return new DataSummary(s.source(), s.length(), s.frequency().describe(), season, s.firstTime(), s.lastTime(), targets, features);
        }
    }

    /** {@code predict --json}: the forecast rows keyed like the CSV columns. */
    record PredictReport(String model, DataSummary data, int horizon, List<Integer> intervals, List<Map<String, Object>> forecast,
                         double seconds) {
    }

    /** {@code train --json}: the model file (or null), the data, the report, the forecast rows. */
    record TrainJson(String model, DataSummary data, TrainReport report, List<Map<String, Object>> forecast) {
    }

    /** {@code backtest --json} and {@code evaluate --json}. */
    record BacktestJson(int folds, int horizon, int season, List<Integer> origins, Map<Method, Scores> overall,
                        List<Map<Method, Scores>> perFold, List<Map<Method, Scores>> perStep, Map<String, Map<Method, Scores>> perTarget,
                        Map<String, Double> intervalCoverage) {
        static BacktestJson of(Backtest.Result r, List<Integer> origins, int horizon, int season, List<String> targets) {
            Map<String, Map<Method, Scores>> perTarget = new LinkedHashMap<>();
            for (int k = 0; k < targets.size(); k++) {
                perTarget.put(targets.get(k), r.perTarget().get(k));
            }
            Map<String, Double> coverage = new LinkedHashMap<>();
            r.coverage().forEach(c -> coverage.put(String.valueOf(c.level()), c.fraction()));
            return new BacktestJson(origins.size(), horizon, season, origins, r.overall(), r.perFold(), r.perStep(), perTarget, coverage);
        }
    }

    /** One layer of the network table. */
    record Layer(String layer, String outputShape, long parameters) {
    }

    /** The window shape: inputs per step, steps in, outputs (horizon steps x targets). */
    record Window(int timesteps, int inputs, int outputs, int horizon, int targets) {
    }

    /**
     * {@code summary --json}: the network, its window, and for a model its provenance and training data, its kind
     * ({@code network}, {@code global} or {@code classical}; null for a config) and a global model's recipe.
     */
    record SummaryReport(String source, List<Layer> layers, long parameters, Window window, DataSummary data, Provenance provenance,
                         double seconds, String kind, org.seqcast.forecast.Recipe recipe) {
    }

    static List<Layer> layers(NetworkSpec spec) {
        List<Layer> out = new ArrayList<>();
        for (LayerSummary.Row r : LayerSummary.rows(spec)) {
            out.add(new Layer(r.layer(), r.outputShape(), r.params()));
        }
        return out;
    }

    /** The forecast as rows of {column: value}, in the CSV's column order. */
    static List<Map<String, Object>> rows(Forecast f) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> header = f.header();
        for (int s = 0; s < f.horizon(); s++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(header.get(0), f.times().get(s));
            int col = 1;
            for (int k = 0; k < f.targets().size(); k++) {
                row.put(header.get(col++), f.values()[s][k]);
                for (int l = 0; l < f.levels().size(); l++) {
                    row.put(header.get(col++), f.lower()[l][s][k]);
                    row.put(header.get(col++), f.upper()[l][s][k]);
                }
            }
            rows.add(row);
        }
        return rows;
    }

    static double seconds(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e6) / 1e3;
    }
}
