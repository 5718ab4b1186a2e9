package org.seqcast.forecast;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which forecasting method produced a forecast or a score: the trained model or one of the baselines. */
public enum Method {
    /** The trained network (or ensemble). */
    MODEL,
    /** The last value repeated. */
    NAIVE,
    /** The last season repeated (naive when the history is shorter than a season). */
    SEASONAL_NAIVE,
    /** The line through the first and last values, extended. */
    DRIFT,
    /**
     * The Theta method (SES with drift on the seasonally adjusted series, as R's {@code thetaf}): not scored beside
     * every model, but the classical method a series too short for a network is forecast with.
     */
    THETA;

    /** The key in JSON and tables: {@code model}, {@code naive}, {@code seasonal_naive}, {@code drift}. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How people read it in reports. */
    public String label() {
        return key().replace('_', ' ');
    }
}
