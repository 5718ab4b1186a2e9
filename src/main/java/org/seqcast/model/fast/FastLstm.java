package org.seqcast.model.fast;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.recurrent.BidirectionalLayer;
import org.deeplearning4j.nn.layers.recurrent.LSTM;
import org.deeplearning4j.nn.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Switches the LSTM layers of a DL4J network to the fast CPU kernel by installing
 * {@link FastLstmHelper} in DL4J's LSTM helper slot (the hook cuDNN uses on GPUs). The network keeps
 * its configuration, parameters, updater state and serialization; only the math changes. Layers
 * inside {@code LastTimeStep} and {@code Bidirectional} wrappers are found too.
 */
public final class FastLstm {
    private static final Field HELPER;

    static {
        Field f;
        try {
            f = LSTM.class.getDeclaredField("helper");
            f.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            f = null;
        }
        HELPER = f;
    }

    private FastLstm() {
    }

    /** Empty when the fast kernel can run this layer setup; otherwise why not (for a --verbose line). */
    public static Optional<String> unsupportedReason(boolean float32, boolean masks) {
        if (HELPER == null) {
            return Optional.of("this DL4J version has no LSTM helper slot");
        }
        if (!float32) {
            return Optional.of("the fast LSTM runs float32 only");
        }
        if (masks) {
            return Optional.of("the fast LSTM does not handle masks (variable-length sequences)");
        }
        return Optional.empty();
    }

    /** The BLAS library the kernel runs its GEMMs on, e.g. {@code OpenBLAS 0.3.19 (haswell build, bytedeco presets)}. */
    public static String blas() {
        return Blas.describe();
    }

    /** Installs the fast kernel in every LSTM layer of {@code net}; returns how many layers it runs. */
    public static int install(MultiLayerNetwork net) {
        if (HELPER == null) {
            return 0;
        }
        List<LSTM> found = new ArrayList<>();
        for (Layer l : net.getLayers()) {
            collect(l, found);
        }
        for (LSTM l : found) {
            try {
                HELPER.set(l, new FastLstmHelper());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot install the fast LSTM helper", e);
            }
        }
        return found.size();
    }

    /** Whether a layer (or what it wraps) runs on the fast kernel. */
    public static boolean installed(Layer layer) {
        List<LSTM> found = new ArrayList<>();
        collect(layer, found);
        if (found.isEmpty()) {
            return false;
        }
        try {
            for (LSTM l : found) {
                if (!(HELPER.get(l) instanceof FastLstmHelper)) {
                    return false;
                }
            }
            return true;
        } catch (IllegalAccessException e) {
            return false;
        }
    }

    private static void collect(Layer l, List<LSTM> out) {
        if (l instanceof LSTM lstm) {
            out.add(lstm);
        } else if (l instanceof BaseWrapperLayer w) {
            collect(w.getUnderlying(), out);
        } else if (l instanceof BidirectionalLayer b) {
            for (String name : new String[] {"fwd", "bwd"}) {
                try {
                    Field f = BidirectionalLayer.class.getDeclaredField(name);
                    f.setAccessible(true);
                    collect((Layer) f.get(b), out);
                } catch (ReflectiveOperationException e) {
                    // leave that direction on DL4J's implementation
                }
            }
        }
    }
}
