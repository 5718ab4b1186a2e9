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
 * Three kinds ({@link #kind}): a network with the preprocessor fitted on its series; a global network with the
 * {@link Recipe} that fits any series' preprocessor from its history instead ({@code preprocessor} null); a classical
 * model ({@code provenance.method()} {@link Method#THETA}: no network, members or preprocessor; refitted on the history).
 *
 * @param intervals per interval level, per horizon step and target, the half-widths [lo, hi] to add
 *                  to the point forecast (lo is negative or zero); empty when not configured
 * @param recipe    how a global model fits each series' preprocessor; null for the other kinds
 */
public record ModelBundle(SeqcastConfig config, Schema schema, NetworkSpec network, List<NetworkParams> members,
                          Preprocessor preprocessor, List<IntervalBand> intervals, Provenance provenance, Recipe recipe) {

    /** What a model file holds. */
    public enum Kind {
        /** A network with its series' fitted preprocessor ({@code train}, per-series {@code batch}). */
        NETWORK,
        /** A network trained across many series, fitting each series' preprocessor from its history ({@code --global}). */
        GLOBAL,
        /** A classical method refitted on the history it is given (a series too short for a network). */
        CLASSICAL
    }

    /** A network with its fitted preprocessor. */
    public ModelBundle(SeqcastConfig config, Schema schema, NetworkSpec network, List<NetworkParams> members, Preprocessor preprocessor,
                       List<IntervalBand> intervals, Provenance provenance) {
        this(config, schema, network, members, preprocessor, intervals, provenance, null);
    }

    /** A classical model ({@code provenance.method()} names it): no network. */
    public static ModelBundle classical(SeqcastConfig config, Schema schema, Provenance provenance) {
        return new ModelBundle(config, schema, null, List.of(), null, List.of(), provenance, null);
    }

    public Kind kind() {
        return provenance.method() != Method.MODEL ? Kind.CLASSICAL : recipe != null ? Kind.GLOBAL : Kind.NETWORK;
    }

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
        check(schema, network, members, preprocessor, intervals, provenance, recipe);
    }

    private static void check(Schema schema, NetworkSpec network, List<NetworkParams> members, Preprocessor preprocessor,
                              List<IntervalBand> intervals, Provenance provenance, Recipe recipe) {
        if (provenance.method() != Method.MODEL) {
            if (network != null || !members.isEmpty() || preprocessor != null || recipe != null || !intervals.isEmpty()) {
                throw new IllegalArgumentException("Invalid classical model: it has no network, members, preprocessor, recipe or intervals");
            }
            return;
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("Invalid members = []");
        }
        if (network.inputs() != schema.inputs()) {
            throw new IllegalArgumentException("Invalid network of " + network.inputs() + " inputs for " + schema.inputs() + " input columns");
        }
        if ((preprocessor == null) == (recipe == null)) {
            throw new IllegalArgumentException("Invalid model: exactly one of a fitted preprocessor and a recipe (a global model) is needed");
        }
        if (recipe != null) {
            if (recipe.timesteps() != schema.timesteps() || recipe.seasonInputs() != schema.seasonInputs()) {
                throw new IllegalArgumentException("Invalid recipe " + recipe + " for the schema's timesteps " + schema.timesteps());
            }
            return;
        }
        if (preprocessor.scaler().columns() != schema.columns()) {
            throw new IllegalArgumentException("Invalid scaler of " + preprocessor.scaler().columns() + " columns for " + schema.valueColumns()
                    + (schema.seasonInputs() ? " and " + 2 * schema.seasons().size() + " seasonal inputs" : ""));
        }
        if ((preprocessor.ahead() != null) != schema.ahead()
                || (schema.ahead() && preprocessor.ahead().lags().length != schema.lags().size())) {
            throw new IllegalArgumentException("Invalid preprocessor layout " + preprocessor.ahead() + " for lags " + schema.lags());
        }
        if (preprocessor.targets() != schema.targets().size()) {
            throw new IllegalArgumentException("Invalid preprocessor for " + preprocessor.targets() + " targets, schema has " + schema.targets());
        }
    }
}
