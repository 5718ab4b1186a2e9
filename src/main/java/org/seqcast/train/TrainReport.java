package org.seqcast.train;

import java.util.List;
import java.util.Map;
import org.seqcast.config.Engine;
import org.seqcast.config.Strategy;
import org.seqcast.config.WindowNorm;
import org.seqcast.eval.Scores;
import org.seqcast.forecast.Method;

/**
 * Stage 4 of training: what a run decided and measured, as data (the CLI renders it on stderr and as
 * JSON; nothing here is a sentence). Shared by every series of the run; {@link #series} holds what each
 * series measured.
 *
 * @param networkSeries how many series the network was trained on (1 for {@code train})
 * @param inputs        network inputs per time step (targets, features, and sin/cos of the season)
 * @param outputs       network outputs (horizon x targets, or targets for a recursive model)
 * @param windowNorm    the window normalisation kept
 * @param candidates    every window normalisation trained (more than one for {@code auto}), in order
 * @param kernel        how the training steps ran (see {@link Fit#kernel})
 * @param refit         the refit on every window, or null without one
 * @param shrink        the per-output shrink factors toward naive, or null without shrink
 * @param series        per series: decisions and validation scores
 * @param seconds       wall time of the whole run
 * @param ahead         how the windows reach into the forecast period (first series), or null for ordinary windows
 * @param combine       how the point forecasts are made ({@code forecast.combine} resolved): {@code none} (the network's)
 *                      or {@code ets} (the mean of the network's and automatic exponential smoothing's)
 */
public record TrainReport(int networkSeries, int timesteps, int horizon, int inputs, int outputs, Strategy strategy,
                          boolean seasonInputs, Engine engine, String kernel, WindowNorm windowNorm, List<Candidate> candidates,
                          int members, int bestEpoch, int epochsRun, Refit refit, double[] shrink, List<SeriesReport> series,
                          double seconds, Ahead ahead, String combine) {

    /**
     * Windows that reach into the forecast period.
     *
     * @param seasons  the season periods (sin/cos of each are inputs when season inputs are on)
     * @param lags     the seasonal lags given as inputs
     * @param known    the columns known in advance
     * @param baseLag  the period of the seasonal naive forecast the network learns residuals from, or 0
     */
    public record Ahead(List<Integer> seasons, List<Integer> lags, List<String> known, int baseLag) {
    }

    public TrainReport {
        candidates = List.copyOf(candidates);
        series = List.copyOf(series);
    }

    /**
     * One way of normalising windows, trained and scored.
     *
     * @param validationMae the model's validation MAE, all series pooled
     * @param scaledError   the mean over series of their validation MAE over their MASE scale: what the choice
     *                      between candidates is made on (for one series it orders candidates as the MAE does)
     */
    public record Candidate(WindowNorm windowNorm, double validationMae, double scaledError, int bestEpoch) {
    }

    /** The final networks trained again on every window for the epoch counts early stopping chose. */
    public record Refit(int windows, List<Integer> epochs) {
        public Refit {
            epochs = List.copyOf(epochs);
        }
    }

    /**
     * What one series contributed and scored.
     *
     * @param log        its targets were modelled in logs
     * @param validation the validation forecasts' scores per method (model first, then the baselines)
     */
    public record SeriesReport(String id, int rows, int season, boolean log, int trainWindows, int validationWindows,
                               int droppedWindows, Map<Method, Scores> validation) {
        public SeriesReport {
            validation = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(validation));
        }

        public Scores model() {
            return validation.get(Method.MODEL);
        }
    }

    /** The report of the first (for {@code train}: the only) series. */
    public SeriesReport first() {
        return series.get(0);
    }
}
