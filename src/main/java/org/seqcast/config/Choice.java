package org.seqcast.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A config value that is one of a fixed set, spelled in YAML by {@link #key()}. The enums of this package
 * implement it, so {@link ConfigSchema} reads, checks, documents and writes them all the same way.
 */
public interface Choice {
    /** The YAML spelling, which is also the JSON value in every report. */
    @JsonValue
    String key();

    /** The lower-case name of an enum constant: the usual spelling. */
    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
