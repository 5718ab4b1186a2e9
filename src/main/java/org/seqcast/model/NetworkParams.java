package org.seqcast.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's parameters as named tensors per layer, in DL4J's names (LSTM: W [nIn, 4u], RW [u, 4u],
 * b [1, 4u]; bidirectional: the same with prefixes f and b; output layer: W [width, out], b [1, out]).
 * This is what a model file stores: plain floats, no serialized objects.
 */
public final class NetworkParams {
    private final List<Map<String, Tensor>> layers;

    public NetworkParams(List<Map<String, Tensor>> layers) {
        List<Map<String, Tensor>> copy = new ArrayList<>();
        for (Map<String, Tensor> m : layers) {
            copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(m)));
        }
        this.layers = Collections.unmodifiableList(copy);
    }

    public static NetworkParams of(MultiLayerNetwork net) {
        List<Map<String, Tensor>> out = new ArrayList<>();
        for (Layer layer : net.getLayers()) {
            Map<String, Tensor> m = new LinkedHashMap<>();
            for (Map.Entry<String, INDArray> e : layer.paramTable().entrySet()) {
                INDArray a = e.getValue();
                long[] s = a.shape();
                int[] shape = new int[s.length];
                for (int i = 0; i < s.length; i++) {
                    shape[i] = Math.toIntExact(s[i]);
                }
                float[] data = a.castTo(DataType.FLOAT).dup('c').data().asFloat();
                m.put(e.getKey(), new Tensor(e.getKey(), shape, data));
            }
            out.add(m);
        }
        return new NetworkParams(out);
    }

    /** Copies these parameters into {@code net}, which must have the same architecture. */
    public void applyTo(MultiLayerNetwork net) {
        Layer[] ls = net.getLayers();
        if (ls.length != layers.size()) {
            throw new IllegalArgumentException("Invalid layer count = " + layers.size() + ", network has " + ls.length);
        }
        for (int i = 0; i < ls.length; i++) {
            Map<String, INDArray> table = ls[i].paramTable();
            Map<String, Tensor> mine = layers.get(i);
            if (!table.keySet().equals(mine.keySet())) {
                throw new IllegalArgumentException("Invalid parameters for layer " + i + ": " + mine.keySet() + ", network has " + table.keySet());
            }
            for (Map.Entry<String, INDArray> e : table.entrySet()) {
                Tensor t = mine.get(e.getKey());
                long[] shape = new long[t.shape().length];
                for (int k = 0; k < shape.length; k++) {
                    shape[k] = t.shape()[k];
                }
                if (!java.util.Arrays.equals(shape, e.getValue().shape())) {
                    throw new IllegalArgumentException("Invalid shape of layer " + i + " " + e.getKey() + " = "
                            + java.util.Arrays.toString(shape) + ", network has " + java.util.Arrays.toString(e.getValue().shape()));
                }
                ls[i].setParam(e.getKey(), Nd4j.create(t.data(), shape, 'c').castTo(e.getValue().dataType()));
            }
        }
    }

    /**
     * These parameters with output {@code o} of the linear output layer multiplied by {@code factor[o]}:
     * its column of W and its bias scaled, so the network computes exactly {@code factor[o] * output[o]}.
     */
    public NetworkParams scaleOutputs(double[] factor) {
        int last = layers.size() - 1;
        Tensor w = get(last, "W");
        Tensor b = get(last, "b");
        int outs = w.cols();
        if (factor.length != outs) {
            throw new IllegalArgumentException("Invalid factors = " + factor.length + " for " + outs + " outputs");
        }
        float[] wd = w.data().clone();
        for (int r = 0; r < w.rows(); r++) {
            for (int o = 0; o < outs; o++) {
                wd[r * outs + o] *= (float) factor[o];
            }
        }
        float[] bd = b.data().clone();
        for (int o = 0; o < outs; o++) {
            bd[o] *= (float) factor[o];
        }
        List<Map<String, Tensor>> copy = new ArrayList<>(layers);
        Map<String, Tensor> out = new LinkedHashMap<>(layers.get(last));
        out.put("W", new Tensor("W", w.shape(), wd));
        out.put("b", new Tensor("b", b.shape(), bd));
        copy.set(last, out);
        return new NetworkParams(copy);
    }

    public int layerCount() {
        return layers.size();
    }

    public Map<String, Tensor> layer(int i) {
        return layers.get(i);
    }

    public Tensor get(int layer, String name) {
        Tensor t = layers.get(layer).get(name);
        if (t == null) {
            throw new IllegalArgumentException("Invalid parameter = " + name + " of layer " + layer + "; have " + layers.get(layer).keySet());
        }
        return t;
    }

    public long count() {
        long n = 0;
        for (Map<String, Tensor> m : layers) {
            for (Tensor t : m.values()) {
                n += t.data().length;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkParams p && layers.equals(p.layers);
    }

    @Override
    public int hashCode() {
        return layers.hashCode();
    }
}
