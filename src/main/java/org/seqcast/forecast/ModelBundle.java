package org.seqcast.forecast;

import java.util.List;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.model.NetworkParams;
import org.seqcast.model.NetworkSpec;
import org.seqcast.transform.Preprocessor;

/**
 * Everything a forecast needs, in one value: the resolved config it was trained with, the data schema, the network
 * architecture and the parameters of each ensemble member, the fitted transforms (targets first,
 * then features, then the seasonal sin/cos inputs when the schema has them), optional interval calibration, and provenance.
 *
 * @param intervals per interval level, per horizon step and target, the half-widths [lo, hi] to add
 *                  to the point forecast (lo is negative or zero); empty when not configured
 */
public record ModelBundle(SeqcastConfig config, Schema schema, NetworkSpec network, List<NetworkParams> members,
                          Preprocessor preprocessor, List<IntervalBand> intervals, Provenance provenance) {

    /**
     * Calibrated offsets of one prediction interval level: lower[step][target], upper[step][target].
     * With {@code logScale} the offsets are in log units (a bound is the forecast times exp(offset)), so
     * the band widens with the level, as residuals of a log-modelled series do.
     */
    public record IntervalBand(int level, double[][] lower, double[][] upper, boolean logScale) {
        /** The bound of a point forecast {@code value} for an offset. */
        public double apply(double value, double offset) {
            return logScale ? value * Math.exp(offset) : value + offset;
        }
    }

    public ModelBundle {
        members = List.copyOf(members);
        intervals = List.copyOf(intervals);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("Invalid members = []");
        }
        if (preprocessor.scaler().columns() != schema.columns()) {
            throw new IllegalArgumentException("Invalid scaler of " + preprocessor.scaler().columns() + " columns for " + schema.valueColumns()
                    + (schema.seasonInputs() ? " and " + 2 * schema.seasons().size() + " seasonal inputs" : ""));
        }
        if ((preprocessor.ahead() != null) != schema.ahead()
                || (schema.ahead() && preprocessor.ahead().lags().length != schema.lags().size())) {
            throw new IllegalArgumentException("Invalid preprocessor layout " + preprocessor.ahead() + " for lags " + schema.lags());
        }
        if (network.inputs() != schema.inputs()) {
            throw new IllegalArgumentException("Invalid network of " + network.inputs() + " inputs for " + schema.inputs() + " input columns");
        }
        if (preprocessor.targets() != schema.targets().size()) {
            throw new IllegalArgumentException("Invalid preprocessor for " + preprocessor.targets() + " targets, schema has " + schema.targets());
        }
    }
}
