package org.seqcast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class InferenceTest {

    @ParameterizedTest(name = "features={0} layers={1} units={2} bidirectional={3}")
    @CsvSource({"1,1,8,false", "3,2,6,false", "2,2,5,true", "1,1,4,true"})
    void plainJavaForwardMatchesDl4j(int features, int layers, int units, boolean bidi) {
        int t = 7;
        int outputs = 3;
        List<int[]> ub = new java.util.ArrayList<>();
        List<Double> drop = new java.util.ArrayList<>();
        for (int i = 0; i < layers; i++) {
            ub.add(new int[] {units + i, bidi ? 1 : 0});
            drop.add(0.0);
        }
        NetworkSpec spec = NetworkSpec.of(features, t, ub, drop, outputs);
        MultiLayerNetwork net = NetworkFactory.build(spec, 1e-3, 7);
        // Non-default params everywhere (bias included) so a gate-order mistake shows.
        Random rnd = new Random(3);
        INDArray p = net.params();
        for (long i = 0; i < p.length(); i++) {
            p.putScalar(i, (rnd.nextFloat() - 0.5f) * 0.8f);
        }
        float[][][] x = new float[4][features][t];
        for (float[][] s : x) {
            for (float[] f : s) {
                for (int i = 0; i < t; i++) {
                    f[i] = rnd.nextFloat() * 2 - 1;
                }
            }
        }
        INDArray out = net.output(Nd4j.create(x));
        Inference inf = new Inference(spec, NetworkParams.of(net));
        for (int s = 0; s < x.length; s++) {
            float[] y = inf.forward(x[s]);
            for (int o = 0; o < outputs; o++) {
                assertEquals(out.getFloat(s, o), y[o], 1e-5, "sample " + s + " output " + o);
            }
        }
        assertEquals(spec.totalParams(), net.numParams(), "parameter count formula vs DL4J numParams()");
    }

    @org.junit.jupiter.api.Test
    void scaledOutputsScaleEachOutputExactlyAndLeaveTheOriginalAlone() {
        NetworkSpec spec = NetworkSpec.of(2, 5, List.of(new int[] {6, 0}), List.of(0.0), 3);
        NetworkParams p = NetworkParams.of(NetworkFactory.build(spec, 1e-3, 11));
        double[] factor = {0.0, 0.5, 1.0};
        NetworkParams scaled = p.scaleOutputs(factor);
        float[][] x = {{0.1f, -0.3f, 0.7f, 0.2f, -0.9f}, {1f, 0.5f, -0.5f, 0f, 0.25f}};
        float[] a = new Inference(spec, p).forward(x);
        float[] b = new Inference(spec, scaled).forward(x);
        for (int o = 0; o < 3; o++) {
            assertEquals(factor[o] * a[o], b[o], 1e-6, "output " + o);
        }
        org.junit.jupiter.api.Assertions.assertNotEquals(0f, a[0], "a zero output would make the test vacuous");
        assertEquals(NetworkParams.of(NetworkFactory.build(spec, 1e-3, 11)), p, "scaleOutputs must not modify its receiver");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> p.scaleOutputs(new double[2]));
    }
}
