package org.seqcast.forecast;

import java.util.List;

/**
 * What a model expects of its input CSV and what it produces: the time column and its frequency,
 * the target columns (forecast), the extra feature columns (inputs only), the window and the season.
 *
 * @param seasonInputs the network also reads sin and cos of each row's seasonal phase (of {@code season}),
 *                     computed from the time column: two inputs that are not columns of the CSV (constant
 *                     with season 1: a series without a season in a global model whose other series have one)
 * @param recursive    the network forecasts one step, rolled forward {@code horizon} times (no features)
 */
public record Schema(String timeColumn, String frequencyUnit, int frequencyMultiple, List<String> targets,
                     List<String> features, int timesteps, int horizon, int season, boolean seasonInputs, boolean recursive) {
    public Schema {
        if (recursive && !features.isEmpty()) {
            throw new IllegalArgumentException("Invalid features = " + features + " for a recursive model");
        }
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
        if (seasonInputs && season < 1) {
            throw new IllegalArgumentException("Invalid season = " + season + " for seasonal inputs");
        }
    }

    /** A direct (multi-output) model's schema. */
    public Schema(String timeColumn, String frequencyUnit, int frequencyMultiple, List<String> targets, List<String> features,
                  int timesteps, int horizon, int season, boolean seasonInputs) {
        this(timeColumn, frequencyUnit, frequencyMultiple, targets, features, timesteps, horizon, season, seasonInputs, false);
    }

    /** Network outputs per window: every step of the horizon, or the next step only for a recursive model. */
    public int networkOutputs() {
        return (recursive ? 1 : horizon) * targets.size();
    }

    /** A schema without seasonal inputs. */
    public Schema(String timeColumn, String frequencyUnit, int frequencyMultiple, List<String> targets, List<String> features,
                  int timesteps, int horizon, int season) {
        this(timeColumn, frequencyUnit, frequencyMultiple, targets, features, timesteps, horizon, season, false);
    }

    /** Targets then features: the value columns a CSV must have, in model input order. */
    public List<String> valueColumns() {
        List<String> all = new java.util.ArrayList<>(targets);
        all.addAll(features);
        return all;
    }

    /** The number of network inputs per timestep: the value columns, and sin and cos of the season when used. */
    public int inputs() {
        return targets.size() + features.size() + (seasonInputs ? 2 : 0);
    }
}
