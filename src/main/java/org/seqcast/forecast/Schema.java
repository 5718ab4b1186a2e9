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
 * @param seasons      every season period, the first being {@code season}; sin/cos of each are inputs with {@code seasonInputs}
 * @param known        columns known in advance: read for the forecast steps too
 * @param lags         seasonal lags (rows) given to the network, empty for none
 * @param ahead        the network's windows reach into the forecast period ({@code timesteps + horizon} rows, see
 *                     {@code transform.Ahead}): with known columns or lags
 */
public record Schema(String timeColumn, String frequencyUnit, int frequencyMultiple, List<String> targets,
                     List<String> features, int timesteps, int horizon, int season, boolean seasonInputs, boolean recursive,
                     List<Integer> seasons, List<String> known, List<Integer> lags, boolean ahead) {
    public Schema {
        seasons = List.copyOf(seasons);
        known = List.copyOf(known);
        lags = List.copyOf(lags);
        if (seasons.isEmpty() || seasons.get(0) != season) {
            throw new IllegalArgumentException("Invalid seasons = " + seasons + " for season " + season);
        }
        if ((!known.isEmpty() || !lags.isEmpty()) && !ahead) {
            throw new IllegalArgumentException("Invalid schema: known columns " + known + " and lags " + lags + " need windows into the forecast");
        }
        if (ahead && recursive) {
            throw new IllegalArgumentException("Invalid schema: a recursive model cannot read the forecast period");
        }
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

    /** A model of one season, without known columns or lags. */
    public Schema(String timeColumn, String frequencyUnit, int frequencyMultiple, List<String> targets, List<String> features,
                  int timesteps, int horizon, int season, boolean seasonInputs, boolean recursive) {
        this(timeColumn, frequencyUnit, frequencyMultiple, targets, features, timesteps, horizon, season, seasonInputs, recursive,
                List.of(season), List.of(), List.of(), false);
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

    /** Targets, features, then known columns: the value columns a CSV must have, in model input order. */
    public List<String> valueColumns() {
        List<String> all = new java.util.ArrayList<>(targets);
        all.addAll(features);
        all.addAll(known);
        return all;
    }

    /** The columns the transforms work on: the value columns, and sin and cos of each season period when used. */
    public int columns() {
        return targets.size() + features.size() + known.size() + (seasonInputs ? 2 * seasons.size() : 0);
    }

    /** The number of network inputs per timestep: the columns, plus each target's lags and the observed flag when ahead. */
    public int inputs() {
        return columns() + (ahead ? targets.size() * lags.size() + 1 : 0);
    }

    /** The rows of a network window: the lookback, and the forecast rows when the window reaches into them. */
    public int windowSteps() {
        return timesteps + (ahead ? horizon : 0);
    }
}
