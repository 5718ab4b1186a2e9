package org.seqcast.config;

import java.util.List;

/**
 * The {@code data} section: where the series is and which columns to use.
 *
 * @param path the CSV file, or null when not set yet
 * @param timeColumn the timestamp column, or null when not set yet
 * @param target the columns to forecast (empty when not set yet)
 * @param features extra input columns, disjoint from {@code target}
 * @param missing what to do with empty cells
 * @param season the season length in steps, or empty to detect it from the frequency
 * @param timeFormat a java.time pattern for the time column, or null to detect it
 * @param decimal the decimal mark of the value cells
 */
public record DataConfig(String path, String timeColumn, List<String> target, List<String> features,
        MissingPolicy missing, java.util.OptionalInt season, String timeFormat, DecimalMark decimal) {

    public DataConfig {
        ConfigSchema.check(DataConfig.class, path, timeColumn, target, features, missing, season, timeFormat, decimal);
        target = List.copyOf(target);
        features = List.copyOf(features);
        for (String f : features) {
            if (target.contains(f)) {
                throw new IllegalArgumentException("data.features: '" + f
                        + "' is also in data.target; a column is either a target or a feature");
            }
        }
    }

    /** With the time format detected and the decimal mark detected per file. */
    public DataConfig(String path, String timeColumn, List<String> target, List<String> features, MissingPolicy missing,
                      java.util.OptionalInt season) {
        this(path, timeColumn, target, features, missing, season, null, DecimalMark.AUTO);
    }

    /** The same data section with other columns (time column, targets). */
    public DataConfig withColumns(String newTimeColumn, List<String> newTarget) {
        return new DataConfig(path, newTimeColumn, newTarget, features, missing, season, timeFormat, decimal);
    }

    /** True when the season length is to be detected from the data. */
    public boolean autoSeason() {
        return season.isEmpty();
    }
}
