package org.seqcast.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What the Spark job needs from seqcast, in plain serializable values: series in as rows of text, rows of
 * text out. Implemented by {@link SeqcastTask}, the one class that calls seqcast's pipeline, so the Spark
 * code never depends on the pipeline's own types.
 */
public interface SeriesTask extends Serializable {

    /** The time column of the input. */
    String timeColumn();

    /** The value columns read for each series (after the time). */
    List<String> valueColumns();

    /** The columns of forecast rows after the series column: time, then per target its value and interval bounds. */
    List<String> forecastHeader();

    /** The columns of summary rows. */
    List<String> summaryHeader();

    /** The file name of a series' model under {@code --models DIR} (and {@code OUT/models} with {@code --save-models}). */
    String modelFileName(String id);

    /**
     * Trains on one series and forecasts it, or applies its saved model (with {@code --models}).
     *
     * @param rows       {time, value per {@link #valueColumns()}} as text, in the order to report
     * @param savedModel the series' model file (with {@code --models}; null when the file does not exist)
     */
    SeriesOutput run(String id, List<String[]> rows, byte[] savedModel);

    /**
     * {@code --global}, first stage (on the driver): trains one network over all these series with {@code workers} threads
     * (the ensemble members side by side); returns the global model file's bytes (null when training failed) and each
     * series' summary row as the training run made it (its forecast rows left empty: {@link #forecast} makes them where
     * the series are).
     */
    GlobalTraining train(List<String> ids, List<List<String[]>> rows, int workers);

    /**
     * {@code --global}, second stage (in parallel tasks): forecasts one series with the global model's bytes (broadcast),
     * keeping the summary row of {@code trained} (the series' result of {@link #train}; a failed one is returned as it is).
     */
    SeriesOutput forecast(String id, List<String[]> rows, byte[] model, SeriesOutput trained, Intervals intervals);

    /**
     * What the training stage of {@code --global} hands to the forecasting stage: the model, each series' summary row, and
     * with {@code forecast.intervals} each series' calibrated interval offsets (calibrated per series on its validation
     * forecasts by the training run; a global model file holds none), by id.
     */
    record GlobalTraining(byte[] model, List<SeriesOutput> trained, java.util.Map<String, Intervals> intervals) implements java.io.Serializable {
    }

    /** A series' interval offsets per level: {@code lower[level][step][target]}, {@code upper} likewise, whether in log units. */
    record Intervals(int[] levels, double[][][] lower, double[][][] upper, boolean[] logScale) implements java.io.Serializable {
    }

    /** The summary row of a series that failed outside the pipeline (e.g. its model could not be read). */
    SeriesOutput failed(String id, String reason);
}
