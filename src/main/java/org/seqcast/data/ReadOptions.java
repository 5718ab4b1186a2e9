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
 * @param futureTargets when above 0, the first this many requested columns are targets, and the file's last rows
 *                      whose target cells are all empty are the future rows ({@link TimeSeries#future()}): the
 *                      rows that give inputs known in advance (with {@code data.known})
 */
public record ReadOptions(MissingPolicy missing, String timeFormat, DecimalMark decimal, int futureTargets) {
    public ReadOptions {
        Objects.requireNonNull(missing, "missing");
        Objects.requireNonNull(decimal, "decimal");
        if (futureTargets < 0) {
            throw new IllegalArgumentException("Invalid futureTargets = " + futureTargets);
        }
    }

    /** Without future rows. */
    public ReadOptions(MissingPolicy missing, String timeFormat, DecimalMark decimal) {
        this(missing, timeFormat, decimal, 0);
    }

    /** The reading keys of a data section: data.missing, data.time_format, data.decimal; future rows when it has known columns. */
    public static ReadOptions of(DataConfig d) {
        return new ReadOptions(d.missing(), d.timeFormat(), d.decimal(), d.known().isEmpty() ? 0 : d.target().size());
    }

    /** The same options without future rows (a --future file itself). */
    public ReadOptions withoutFuture() {
        return new ReadOptions(missing, timeFormat, decimal, 0);
    }

    /** Detected time format and decimal mark. */
    public static ReadOptions of(MissingPolicy missing) {
        return new ReadOptions(missing, null, DecimalMark.AUTO);
    }
}
