package org.seqcast.model;

import java.util.List;

/**
 * The architecture of a forecasting network, independent of DL4J: a stack of LSTM layers over
 * [features, timesteps] windows, the last hidden state into a linear layer with
 * {@code outputs} = horizon x targets units.
 */
public record NetworkSpec(int inputs, int timesteps, List<Recurrent> layers, int outputs) {

    /** One LSTM layer; {@code nIn} is the previous layer's width (x2 when it was bidirectional). */
    public record Recurrent(int nIn, int units, boolean bidirectional, double dropout) {
        public Recurrent {
            if (nIn < 1) {
                throw new IllegalArgumentException("Invalid nIn = " + nIn);
            }
            if (units < 1) {
                throw new IllegalArgumentException("Invalid units = " + units);
            }
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("Invalid dropout = " + dropout);
            }
        }

        /** Width of this layer's output: units, doubled when bidirectional. */
        public int width() {
            return bidirectional ? 2 * units : units;
        }

        /** 4((nIn + units) units + units), doubled when bidirectional. */
        public long params() {
            long one = 4L * ((long) (nIn + units) * units + units);
            return bidirectional ? 2 * one : one;
        }
    }

    public NetworkSpec {
        if (inputs < 1) {
            throw new IllegalArgumentException("Invalid inputs = " + inputs);
        }
        if (timesteps < 1) {
            throw new IllegalArgumentException("Invalid timesteps = " + timesteps);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("Invalid layers = []: at least one LSTM layer is needed");
        }
        if (outputs < 1) {
            throw new IllegalArgumentException("Invalid outputs = " + outputs);
        }
        layers = List.copyOf(layers);
        int width = inputs;
        for (Recurrent r : layers) {
            if (r.nIn() != width) {
                throw new IllegalArgumentException("Invalid nIn = " + r.nIn() + ", expected " + width);
            }
            width = r.width();
        }
    }

    /** Builds the chain of widths from layer sizes. */
    public static NetworkSpec of(int inputs, int timesteps, List<int[]> unitsAndBidirectional, List<Double> dropouts, int outputs) {
        List<Recurrent> rs = new java.util.ArrayList<>();
        int width = inputs;
        for (int i = 0; i < unitsAndBidirectional.size(); i++) {
            int[] ub = unitsAndBidirectional.get(i);
            Recurrent r = new Recurrent(width, ub[0], ub[1] != 0, dropouts.get(i));
            rs.add(r);
            width = r.width();
        }
        return new NetworkSpec(inputs, timesteps, rs, outputs);
    }

    /** Width of the last hidden state fed to the linear layer. */
    public int hiddenWidth() {
        return layers.get(layers.size() - 1).width();
    }

    /** (width + 1) x outputs. */
    public long outputParams() {
        return (long) (hiddenWidth() + 1) * outputs;
    }

    public long totalParams() {
        long n = outputParams();
        for (Recurrent r : layers) {
            n += r.params();
        }
        return n;
    }
}
