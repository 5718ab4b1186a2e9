package org.seqcast.batch;

import org.seqcast.forecast.Forecast;
import org.seqcast.forecast.ModelBundle;

/**
 * What the pipeline made of one series: a value, so that it can be computed anywhere (a thread here,
 * a cluster executor later) and written by whoever collects it.
 *
 * @param rows          rows of the series (0 when it could not be loaded)
 * @param epochs        epochs run by the final model's training (0 when not trained here)
 * @param validationMae validation MAE of the final model on its validation windows (NaN when unknown)
 * @param mase          MAE scaled by the in-sample seasonal-naive MAE: of the holdout forecast with
 *                      {@code --evaluate}, else of the validation windows (NaN when unknown)
 * @param holdout       holdout scores with {@code --evaluate}, else null
 * @param error         one-line reason when the status is not OK, else null
 * @param forecast      the forecast after the end of the series when OK, else null
 * @param bundle        the trained model when kept (for {@code --save-models}), else null
 * @param method        what forecast it: {@code model} (the network), {@code model+ets} (the mean of the network's and
 *                      ETS' point forecasts, {@code forecast.combine}), {@code theta} (the classical fallback for a series
 *                      too short for a network, per-series runs only), empty when not OK
 */
public record SeriesResult(String id, Status status, int rows, int epochs, double validationMae, double mase, Holdout holdout,
                           double seconds, String error, Forecast forecast, ModelBundle bundle, String method) {

    /** A result of the network (OK) or of no method (not OK). */
    public SeriesResult(String id, Status status, int rows, int epochs, double validationMae, double mase, Holdout holdout,
                        double seconds, String error, Forecast forecast, ModelBundle bundle) {
        this(id, status, rows, epochs, validationMae, mase, holdout, seconds, error, forecast, bundle, status == Status.OK ? "model" : "");
    }

    /** Outcome of a series. */
    public enum Status {
        /** Forecast (and model) produced. */
        OK,
        /** The series failed; {@code error} says why; the others went on. */
        FAILED,
        /** Not run: the batch stopped first (--fail-fast or Ctrl-C). */
        SKIPPED;

        /** The lower-case word used in summary.csv and JSON. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The status for a summary.csv word. */
        public static Status of(String word) {
            for (Status s : values()) {
                if (s.word().equals(word)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("Invalid status = " + word);
        }
    }

    /**
     * Scores of a model trained without the last {@code horizon} rows, forecasting them, beside the
     * naive and seasonal-naive forecasts from the same history (MAE over all steps and targets).
     */
    public record Holdout(double mae, double naiveMae, double seasonalNaiveMae, double mase) {
    }

    public SeriesResult {
        if (id == null || status == null) {
            throw new IllegalArgumentException("Invalid result: id = " + id + ", status = " + status);
        }
        if (status == Status.OK && forecast == null) {
            throw new IllegalArgumentException("Invalid OK result without forecast for series " + id);
        }
        if (status != Status.OK && (error == null || error.isBlank())) {
            throw new IllegalArgumentException("Invalid " + status.word() + " result without error for series " + id);
        }
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** A failed or skipped result (no forecast, no model). */
    public static SeriesResult notOk(String id, Status status, int rows, double seconds, String error) {
        return new SeriesResult(id, status, rows, 0, Double.NaN, Double.NaN, null, seconds, error, null, null);
    }

    /** The same result without the model (after it has been written). */
    public SeriesResult withoutBundle() {
        return new SeriesResult(id, status, rows, epochs, validationMae, mase, holdout, seconds, error, forecast, null, method);
    }
}
