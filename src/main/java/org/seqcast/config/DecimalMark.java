package org.seqcast.config;

import java.util.Locale;

/**
 * How value cells write numbers: the {@code data.decimal} config key. With a decimal point, ','
 * groups thousands ({@code "12,025.90"}); with a decimal comma, '.' does ({@code 1.234,56}). Spaces
 * (also no-break spaces) and apostrophes group thousands in both. AUTO detects it per file, when the
 * cells tell (see org.seqcast.data.Numbers).
 */
public enum DecimalMark {
    AUTO, POINT, COMMA;

    /** The spelling used in YAML and on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
