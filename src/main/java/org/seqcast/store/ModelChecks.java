package org.seqcast.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.seqcast.SeqcastException;
import org.seqcast.data.Frequency;
import org.seqcast.forecast.ModelBundle;
import org.seqcast.forecast.Schema;
import org.seqcast.model.NetworkParams;
import org.seqcast.model.NetworkSpec;
import org.seqcast.model.Tensor;

/**
 * Consistency of a model file read back: every number the forecast relies on agrees with every other
 * (schema, network, tensor shapes, scaler, interval tables, frequency), so that an edited or damaged
 * file is refused as a bad model (exit 4) instead of failing inside the forecast.
 */
final class ModelChecks {
    /** Ensemble members a model may hold (training.ensemble's upper bound). */
    static final int MAX_MEMBERS = 100;
    /** Window length and horizon a model may declare (window.timesteps' and window.horizon's upper bounds). */
    static final int MAX_STEPS = 10_000;

    private ModelChecks() {
    }

    /** Refuses a model whose parameters would not fit the Java heap, before allocating them. */
    static void requireHeap(Path file, long paramBytes) {
        long max = Runtime.getRuntime().maxMemory();
        // the bytes read, the floats made from them, and room for the forward pass
        if (max != Long.MAX_VALUE && paramBytes > max / 3) {
            throw new SeqcastException(SeqcastException.Kind.MEMORY, String.format(Locale.ROOT,
                    "%s: the model's parameters take %d MiB, more than a third of the Java heap (%d MiB); give Java more memory, "
                            + "e.g. SEQCAST_JAVA_OPTS=-Xmx8g", file, paramBytes >> 20, max >> 20));
        }
    }

    static void check(Path file, ModelBundle b) {
        Schema s = b.schema();
        String unit = s.frequencyUnit();
        if (Arrays.stream(Frequency.Unit.values()).noneMatch(u -> u.name().equals(unit))) {
            throw bad(file, "unknown frequency_unit '" + unit + "' (known: " + Arrays.toString(Frequency.Unit.values()) + ")");
        }
        require(file, s.frequencyMultiple() >= 1, "frequency_multiple " + s.frequencyMultiple());
        require(file, s.season() >= 1 && s.season() <= 100_000, "season " + s.season());
        require(file, s.timesteps() <= MAX_STEPS && s.horizon() <= MAX_STEPS, "timesteps " + s.timesteps() + ", horizon " + s.horizon());
        if (b.kind() == ModelBundle.Kind.CLASSICAL) {
            return;
        }
        NetworkSpec n = b.network();
        require(file, n.timesteps() == s.windowSteps(), "network timesteps " + n.timesteps() + " but schema timesteps " + s.windowSteps());
        for (int p : s.seasons()) {
            require(file, p >= 1 && p <= 100_000, "season period " + p);
        }
        for (int p : s.lags()) {
            require(file, p >= 1 && p <= 100_000, "lag " + p);
        }
        require(file, n.outputs() == s.networkOutputs(), "network outputs " + n.outputs() + " but the schema needs " + s.networkOutputs());
        require(file, b.members().size() <= MAX_MEMBERS, b.members().size() + " members");
        for (NetworkParams p : b.members()) {
            checkParams(file, n, p);
        }
        if (b.kind() == ModelBundle.Kind.GLOBAL) {
            var r = b.recipe();
            require(file, r.stride() <= MAX_STEPS && r.periods() <= 100 && r.periods() >= s.seasons().size() && r.lags() == !s.lags().isEmpty(),
                    "recipe " + r);
            return;
        }
        var ahead = b.preprocessor().ahead();
        if (ahead != null) {
            require(file, ahead.horizon() == s.horizon() && ahead.history() <= 100_000 && ahead.inputs(s.targets().size()) == n.inputs(),
                    "window layout " + ahead);
        }
        double[] mean = b.preprocessor().scaler().mean();
        double[] scale = b.preprocessor().scaler().scale();
        for (int c = 0; c < mean.length; c++) {
            require(file, Double.isFinite(mean[c]) && Double.isFinite(scale[c]) && scale[c] > 0, "scaler column " + c);
        }
        double[][] seasonal = b.preprocessor().seasonal();
        if (seasonal != null) {
            require(file, s.seasonInputs() && seasonal[0].length == s.season(), "seasonal offsets of " + seasonal[0].length
                    + " phases for season " + s.season());
            for (double[] row : seasonal) {
                require(file, row.length == seasonal[0].length, "seasonal offsets of unequal lengths");
                for (double v : row) {
                    require(file, Double.isFinite(v) && Math.abs(v) < 50, "seasonal offset " + v);
                }
            }
        }
        if (b.preprocessor().alpha() != null) {
            for (double a : b.preprocessor().alpha()) {
                require(file, a > 0 && a <= 1, "SES alpha " + a);
            }
        }
        for (ModelBundle.IntervalBand band : b.intervals()) {
            require(file, band.level() >= 1 && band.level() <= 99, "interval level " + band.level());
            table(file, band.lower(), s, "lower");
            table(file, band.upper(), s, "upper");
        }
    }

    /** Tensors of each layer named and shaped as the architecture says (DL4J's names, see {@link NetworkParams}). */
    private static void checkParams(Path file, NetworkSpec n, NetworkParams p) {
        require(file, p.layerCount() == n.layers().size() + 1, p.layerCount() + " parameter layers for " + n.layers().size() + " LSTM layers");
        for (int l = 0; l < n.layers().size(); l++) {
            NetworkSpec.Recurrent r = n.layers().get(l);
            Map<String, Tensor> t = p.layer(l);
            String[] dirs = r.bidirectional() ? new String[] {"f", "b"} : new String[] {""};
            require(file, t.size() == 3 * dirs.length, "layer " + l + " has tensors " + t.keySet());
            for (String d : dirs) {
                shape(file, t.get(d + "W"), l, d + "W", r.nIn(), 4 * r.units());
                shape(file, t.get(d + "RW"), l, d + "RW", r.units(), 4 * r.units());
                shape(file, t.get(d + "b"), l, d + "b", 1, 4 * r.units());
            }
        }
        Map<String, Tensor> out = p.layer(n.layers().size());
        require(file, out.size() == 2, "output layer has tensors " + out.keySet());
        shape(file, out.get("W"), n.layers().size(), "W", n.hiddenWidth(), n.outputs());
        shape(file, out.get("b"), n.layers().size(), "b", 1, n.outputs());
    }

    private static void shape(Path file, Tensor t, int layer, String name, int rows, int cols) {
        require(file, t != null, "layer " + layer + " lacks tensor " + name);
        boolean vector = rows == 1 && Arrays.equals(t.shape(), new int[] {cols}); // biases are stored as [n] or [1, n]
        require(file, vector || Arrays.equals(t.shape(), new int[] {rows, cols}),
                "layer " + layer + " tensor " + name + " has shape " + Arrays.toString(t.shape()) + ", the network needs [" + rows + ", " + cols + "]");
    }

    private static void table(Path file, double[][] m, Schema s, String which) {
        require(file, m.length == s.horizon(), "interval " + which + " table has " + m.length + " steps for horizon " + s.horizon());
        for (double[] row : m) {
            require(file, row.length == s.targets().size(), "interval " + which + " table row of " + row.length + " for "
                    + s.targets().size() + " targets");
            for (double v : row) {
                require(file, Double.isFinite(v), "interval " + which + " table value " + v);
            }
        }
    }

    private static void require(Path file, boolean ok, String what) {
        if (!ok) {
            throw bad(file, what);
        }
    }

    private static SeqcastException bad(Path file, String what) {
        return SeqcastException.model(file + ": model metadata is inconsistent (" + what + "); the file was edited or damaged: train it again");
    }
}
