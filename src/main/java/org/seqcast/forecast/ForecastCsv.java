package org.seqcast.forecast;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.seqcast.io.AtomicFiles;

/** Writes a {@link Forecast} as CSV: to a file atomically, or to a stream (stdout for {@code -o -}). */
public final class ForecastCsv {
    private static final MathContext DIGITS = new MathContext(7);

    private ForecastCsv() {
    }

    public static void write(Forecast f, Path file) {
        AtomicFiles.write(file, out -> write(f, out));
    }

    public static void write(Forecast f, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build());
        p.printRecord(f.header());
        for (int s = 0; s < f.horizon(); s++) {
            java.util.List<String> row = new java.util.ArrayList<>();
            row.add(f.times().get(s));
            for (int k = 0; k < f.targets().size(); k++) {
                row.add(number(f.values()[s][k]));
                for (int l = 0; l < f.levels().size(); l++) {
                    row.add(number(f.lower()[l][s][k]));
                    row.add(number(f.upper()[l][s][k]));
                }
            }
            p.printRecord(row);
        }
        p.flush();
    }

    /**
     * A value for an output CSV at full precision: the shortest decimal that reads back as the same double
     * ({@link Double#toString}'s digits), without exponent for ordinary magnitudes, without trailing zeros;
     * empty for NaN and infinities.
     */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        return d.abs().compareTo(new BigDecimal("1e-4")) >= 0 && d.abs().compareTo(new BigDecimal("1e15")) < 0
                ? d.toPlainString() : d.toString();
    }

    /** Seven significant digits (float precision), for reports read by people: no exponent for ordinary magnitudes, no trailing zeros. */
    public static String display(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(DIGITS).stripTrailingZeros();
        return d.abs().compareTo(new BigDecimal("1e-4")) >= 0 && d.abs().compareTo(new BigDecimal("1e15")) < 0
                ? d.toPlainString() : d.toString();
    }
}
