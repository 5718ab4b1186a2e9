package org.seqcast.store;

import java.util.List;

/**
 * What a model expects of its input CSV and what it produces: the time column and its frequency,
 * the target columns (forecast), the extra feature columns (inputs only), the window and the season.
 */
public record Schema(String timeColumn, String frequencyUnit, int frequencyMultiple, List<String> targets,
                     List<String> features, int timesteps, int horizon, int season) {
    public Schema {
        targets = List.copyOf(targets);
        features = List.copyOf(features);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("Invalid targets = []");
        }
        if (timesteps < 1) {
            throw new IllegalArgumentException("Invalid timesteps = " + timesteps);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("Invalid horizon = " + horizon);
        }
    }

    /** Targets then features: the value columns a CSV must have, in model input order. */
    public List<String> valueColumns() {
        List<String> all = new java.util.ArrayList<>(targets);
        all.addAll(features);
        return all;
    }
}
