package org.seqcast.config;

import java.util.List;
import java.util.OptionalInt;

/**
 * The {@code data} section: where the series is and which columns to use.
 *
 * @param path the CSV file, or null when not set yet
 * @param timeColumn the timestamp column, or null when not set yet
 * @param target the columns to forecast (empty when not set yet)
 * @param features extra input columns (past values only), disjoint from {@code target}
 * @param missing what to do with empty cells
 * @param season the season periods in steps, the first scaling MASE; empty to follow the frequency
 * @param timeFormat a java.time pattern for the time column, or null to detect it
 * @param decimal the decimal mark of the value cells
 * @param known input columns known in advance, fed for the forecast steps too; disjoint from target and features
 */
public record DataConfig(String path, String timeColumn, List<String> target, List<String> features,
        MissingPolicy missing, List<Integer> season, String timeFormat, DecimalMark decimal, List<String> known) {

    public DataConfig {
        ConfigSchema.check(DataConfig.class, path, timeColumn, target, features, missing, season, timeFormat, decimal, known);
        target = List.copyOf(target);
        features = List.copyOf(features);
        season = List.copyOf(season);
        known = List.copyOf(known);
        for (String f : features) {
            if (target.contains(f)) {
                throw new IllegalArgumentException("data.features: '" + f
                        + "' is also in data.target; a column is either a target or a feature");
            }
        }
        for (String f : known) {
            if (target.contains(f) || features.contains(f)) {
                throw new IllegalArgumentException("data.known: '" + f + "' is also in data." + (target.contains(f) ? "target" : "features")
                        + "; a column is a target, a feature (past values only) or known in advance, one of them");
            }
        }
    }

    /** Without known inputs. */
    public DataConfig(String path, String timeColumn, List<String> target, List<String> features, MissingPolicy missing,
                      List<Integer> season, String timeFormat, DecimalMark decimal) {
        this(path, timeColumn, target, features, missing, season, timeFormat, decimal, List.of());
    }

    /** With one season (or auto), the time format detected and the decimal mark detected per file. */
    public DataConfig(String path, String timeColumn, List<String> target, List<String> features, MissingPolicy missing,
                      OptionalInt season) {
        this(path, timeColumn, target, features, missing, season.isEmpty() ? List.of() : List.of(season.getAsInt()), null,
                DecimalMark.AUTO, List.of());
    }

    /** The same data section with other columns (time column, targets). */
    public DataConfig withColumns(String newTimeColumn, List<String> newTarget) {
        return new DataConfig(path, newTimeColumn, newTarget, features, missing, season, timeFormat, decimal, known);
    }

    /** True when the season length is to be detected from the data. */
    public boolean autoSeason() {
        return season.isEmpty();
    }

    /** The first season period when set: the one that scales MASE. */
    public OptionalInt firstSeason() {
        return season.isEmpty() ? OptionalInt.empty() : OptionalInt.of(season.get(0));
    }

    /** Every input column read from the CSV: targets, features, then the known columns. */
    public List<String> columns() {
        List<String> c = new java.util.ArrayList<>(target);
        c.addAll(features);
        c.addAll(known);
        return c;
    }
}
