package org.seqcast.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.seqcast.model.NetworkFactory;
import org.seqcast.model.NetworkSpec;

/** The fast kernel against DL4J's own LSTM: same parameters and inputs, same outputs and gradients. */
class FastLstmEquivalenceTest {

    static NetworkSpec spec(int features, int layers, int units, boolean bidi, int t, int outputs) {
        List<int[]> ub = new ArrayList<>();
        List<Double> drop = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            ub.add(new int[] {units + 2 * i, bidi ? 1 : 0});
            drop.add(0.0);
        }
        return NetworkSpec.of(features, t, ub, drop, outputs);
    }

    static INDArray random(Random r, long... shape) {
        INDArray a = Nd4j.create(DataType.FLOAT, shape);
        for (long i = 0; i < a.length(); i++) {
            a.putScalar(i, r.nextGaussian());
        }
        return a;
    }

    static void assertClose(INDArray expected, INDArray actual, double rel, String what) {
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()), what + " shape");
        float[] e = expected.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] a = actual.castTo(DataType.FLOAT).dup('c').data().asFloat();
        double scale = 0;
        for (float v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < e.length; i++) {
            double tol = rel * Math.max(Math.abs(e[i]), 1e-2 * scale) + 1e-7;
            assertTrue(Math.abs(e[i] - a[i]) <= tol, what + "[" + i + "]: DL4J " + e[i] + " vs fast " + a[i]);
        }
    }

    @ParameterizedTest(name = "features={0} layers={1} units={2} bidirectional={3} batch={4} timesteps={5}")
    @CsvSource({"1,1,8,false,5,7", "3,2,6,false,4,9", "2,2,5,true,3,6", "8,2,16,false,16,12", "1,1,4,true,1,3"})
    void outputsAndAllGradientsMatchDl4j(int features, int layers, int units, boolean bidi, int batch, int t) {
        NetworkSpec spec = spec(features, layers, units, bidi, t, 3);
        MultiLayerNetwork ref = NetworkFactory.build(spec, 1e-3, 5);
        MultiLayerNetwork fast = NetworkFactory.build(spec, 1e-3, 5);
        int installed = FastLstm.install(fast);
        assertEquals(layers * (bidi ? 2 : 1), installed, "LSTM layers running the fast kernel");
        Random r = new Random(11);
        INDArray p = random(r, 1, ref.numParams()).muli(0.4f);
        ref.setParams(p);
        fast.setParams(p.dup());
        INDArray x = random(r, batch, features, t);
        INDArray y = random(r, batch, 3);

        assertClose(ref.output(x, false), fast.output(x, false), 1e-4, "output");

        Pair<Gradient, INDArray> gr = ref.calculateGradients(x, y, null, null);
        Pair<Gradient, INDArray> gf = fast.calculateGradients(x, y, null, null);
        for (String key : gr.getFirst().gradientForVariable().keySet()) {
            assertClose(gr.getFirst().getGradientFor(key), gf.getFirst().getGradientFor(key), 1e-4, "gradient " + key);
        }
        assertClose(gr.getSecond(), gf.getSecond(), 1e-4, "input gradient");
    }

    @Test
    void oneFitStepFromTheSameParametersLandsOnTheSameParameters() {
        NetworkSpec spec = spec(2, 2, 12, false, 10, 4);
        MultiLayerNetwork ref = NetworkFactory.build(spec, 1e-2, 9);
        MultiLayerNetwork fast = NetworkFactory.build(spec, 1e-2, 9);
        FastLstm.install(fast);
        Random r = new Random(2);
        DataSet ds = new DataSet(random(r, 8, 2, 10), random(r, 8, 4));
        for (int i = 0; i < 3; i++) {
            ref.fit(ds);
            fast.fit(ds);
        }
        assertClose(ref.params(), fast.params(), 1e-3, "parameters after 3 Adam steps");
        assertEquals(ref.score(), fast.score(), 1e-4 * Math.abs(ref.score()));
    }

    @Test
    void finiteDifferencesAgreeWithTheFastGradient() {
        // The kernel is float32-only, so this is a central-difference check in float with a step large
        // enough for float rounding; DL4J's own LSTM passes DL4J's double-precision GradientCheckUtil
        // (Dl4jReferenceGradientCheckTest), and the fast kernel matches it to 1e-4 above.
        NetworkSpec spec = spec(2, 2, 5, false, 6, 2);
        MultiLayerNetwork fast = NetworkFactory.build(spec, 1e-3, 3);
        FastLstm.install(fast);
        Random r = new Random(4);
        INDArray x = random(r, 4, 2, 6);
        INDArray y = random(r, 4, 2);
        fast.setParams(random(r, 1, fast.numParams()).muli(0.5f));
        INDArray grad = fast.calculateGradients(x, y, null, null).getFirst().gradient().dup();
        INDArray params = fast.params();
        double h = 1e-2;
        int checked = 0;
        for (long i = 0; i < params.length(); i += 7) {
            double orig = params.getDouble(i);
            params.putScalar(i, orig + h);
            double up = loss(fast, x, y);
            params.putScalar(i, orig - h);
            double down = loss(fast, x, y);
            params.putScalar(i, orig);
            // DL4J's score is the minibatch mean; calculateGradients returns the sum over the minibatch
            // (the updater divides by the batch size), hence the factor 4.
            double fd = 4 * (up - down) / (2 * h);
            double an = grad.getDouble(i);
            assertEquals(fd, an, 2e-2 * Math.max(Math.abs(fd), Math.abs(an)) + 2e-4, "parameter " + i);
            checked++;
        }
        assertTrue(checked > 40, "checked " + checked);
    }

    private static double loss(MultiLayerNetwork net, INDArray x, INDArray y) {
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        return net.score();
    }
}
