package org.seqcast.forecast;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.seqcast.eval.Scores;

/**
 * Where a model came from (Tribuo style): the training data's hash, size and time range, the seed, the
 * software versions and when it was trained, how the arithmetic ran (engine, kernel, CPU, BLAS), how many
 * series the network was trained on, and the validation scores of the model and the baselines.
 *
 * @param series    series the network was trained on (1 for {@code train}, more for {@code --global})
 * @param engine    {@code training.engine} as resolved: {@code fast} or {@code dl4j}
 * @param kernel    how the training steps ran: {@code FastNetwork}, {@code FastLstm in DL4J fit} or {@code DL4J}
 * @param cpu       the CPU architecture and model the model was trained on
 * @param blas      the BLAS library in use
 * @param validation scores on the validation windows, per method (empty when unknown)
 * @param combine   how the point forecast is made: {@code none} (the network's alone) or {@code ets} (the mean of the
 *                  network's and automatic exponential smoothing's, {@code forecast.combine})
 */
public record Provenance(String dataPath, String dataSha256, int rows, String firstTime, String lastTime, long seed,
                         String seqcastVersion, String dl4jVersion, String javaVersion, String trainedAt,
                         int bestEpoch, int epochsRun, int series, String engine, String kernel, String cpu, String blas,
                         Map<Method, Scores> validation, String combine) {
    /** {@link #combine} of a forecast combined with ETS. */
    public static final String ETS = "ets";
    /** {@link #combine} of the network's forecast alone. */
    public static final String NONE = "none";

    public Provenance {
        validation = Collections.unmodifiableMap(new LinkedHashMap<>(validation));
        if (!ETS.equals(combine) && !NONE.equals(combine)) {
            throw new IllegalArgumentException("Invalid combine = " + combine);
        }
    }

    /** Whether the model's point forecasts are combined with ETS'. */
    public boolean combinesEts() {
        return ETS.equals(combine);
    }

    /** The model's validation MAE, NaN when unknown. */
    public double validationMae() {
        Scores s = validation.get(Method.MODEL);
        return s == null ? Double.NaN : s.mae();
    }
}
