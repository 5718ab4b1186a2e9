package org.seqcast.data;

import java.util.Objects;
import org.seqcast.config.DataConfig;
import org.seqcast.config.DecimalMark;
import org.seqcast.config.MissingPolicy;

/**
 * How to read a CSV's cells: the {@code data.missing}, {@code data.time_format} and {@code data.decimal}
 * config keys.
 *
 * @param missing what to do with missing cells and gaps in time
 * @param timeFormat a java.time pattern for the time column, or null to detect it
 * @param decimal the decimal mark of value cells (AUTO detects it per file)
 */
public record ReadOptions(MissingPolicy missing, String timeFormat, DecimalMark decimal) {
    public ReadOptions {
        Objects.requireNonNull(missing, "missing");
        Objects.requireNonNull(decimal, "decimal");
    }

    /** The reading keys of a data section: data.missing, data.time_format, data.decimal. */
    public static ReadOptions of(DataConfig d) {
        return new ReadOptions(d.missing(), d.timeFormat(), d.decimal());
    }

    /** Detected time format and decimal mark. */
    public static ReadOptions of(MissingPolicy missing) {
        return new ReadOptions(missing, null, DecimalMark.AUTO);
    }
}
