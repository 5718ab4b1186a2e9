package org.seqcast.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Keras-style table of the network: layer, output shape, parameter count, and totals. Counts follow
 * 4((inputs + units) units + units) per LSTM (x2 when bidirectional) and (width + 1) outputs for the
 * linear layer; they equal DL4J's {@code numParams()} for the network {@link NetworkFactory} builds.
 */
public final class LayerSummary {
    /** One row of the table. */
    public record Row(String layer, String outputShape, long params) {
    }

    private LayerSummary() {
    }

    public static List<Row> rows(NetworkSpec spec) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("input", "(batch, " + spec.timesteps() + ", " + spec.inputs() + ")", 0));
        int n = spec.layers().size();
        for (int i = 0; i < n; i++) {
            NetworkSpec.Recurrent r = spec.layers().get(i);
            String name = "lstm_" + (i + 1) + (r.bidirectional() ? " (bidirectional)" : "");
            String shape = i == n - 1 ? "(batch, " + r.width() + ")" : "(batch, " + spec.timesteps() + ", " + r.width() + ")";
            rows.add(new Row(name, shape, r.params()));
        }
        rows.add(new Row("dense (linear)", "(batch, " + spec.outputs() + ")", spec.outputParams()));
        return rows;
    }

    /** The table as text, ending with a newline. */
    public static String table(NetworkSpec spec) {
        List<Row> rows = rows(spec);
        int w1 = "Layer".length();
        int w2 = "Output shape".length();
        for (Row r : rows) {
            w1 = Math.max(w1, r.layer().length());
            w2 = Math.max(w2, r.outputShape().length());
        }
        String fmt = "%-" + w1 + "s  %-" + w2 + "s  %12s%n";
        int width = w1 + w2 + 16;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, fmt, "Layer", "Output shape", "Params"));
        sb.append("=".repeat(width)).append('\n');
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, fmt, r.layer(), r.outputShape(), String.format(Locale.ROOT, "%,d", r.params())));
        }
        sb.append("=".repeat(width)).append('\n');
        sb.append(String.format(Locale.ROOT, "Total params: %,d%n", spec.totalParams()));
        sb.append(String.format(Locale.ROOT, "Trainable params: %,d%n", spec.totalParams()));
        return sb.toString();
    }
}
