package org.seqcast.config;

import java.util.Locale;

/** What to do with an empty (or NA) value cell: the {@code data.missing} config key. */
public enum MissingPolicy {
    /** Reject the file, naming the line and column of the first missing cell. */
    ERROR,
    /** Linear interpolation between the neighbouring observed values (ends: nearest value). */
    INTERPOLATE,
    /** Carry the last observed value forward (a leading gap takes the first observed value). */
    FFILL,
    /** Drop every row with a missing cell; the dropped rows are reported as gaps. */
    DROP;

    /** The spelling used in YAML and on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a config value; null when {@code s} is not one of the keys. */
    public static MissingPolicy parse(String s) {
        for (MissingPolicy p : values()) {
            if (p.key().equals(s)) {
                return p;
            }
        }
        return null;
    }
}
