package org.seqcast.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqcast.model.fast.FastLstmEquivalenceTest.assertClose;
import static org.seqcast.model.fast.FastLstmEquivalenceTest.random;
import static org.seqcast.model.fast.FastLstmEquivalenceTest.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.seqcast.model.NetworkFactory;
import org.seqcast.model.NetworkSpec;

/** The whole-network trainer against DL4J's own fit (DL4J's LSTM, no helper): same steps, same state. */
class FastNetworkTest {

    /** DL4J's network with DL4J's LSTM implementation: the reference. */
    static MultiLayerNetwork dl4j(NetworkSpec spec, double lr, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(NetworkFactory.configuration(spec, lr, seed));
        net.init();
        return net;
    }

    static MultiLayerNetwork withKernel(NetworkSpec spec, double lr, long seed) {
        MultiLayerNetwork net = dl4j(spec, lr, seed);
        FastLstm.install(net);
        return net;
    }

    static float[] flat(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    @ParameterizedTest(name = "features={0} layers={1} units={2} timesteps={3} outputs={4}")
    @CsvSource({"1,1,8,7,3", "3,2,6,9,4", "2,3,5,4,1", "4,1,16,12,12"})
    void adamStepsMatchDl4jFitAndTheStateIsWrittenBack(int features, int layers, int units, int t, int outputs) {
        NetworkSpec spec = spec(features, layers, units, false, t, outputs);
        MultiLayerNetwork ref = dl4j(spec, 1e-2, 5);
        MultiLayerNetwork net = withKernel(spec, 1e-2, 5);
        assertClose(ref.params(), net.params(), 0, "same seed, same initial parameters");
        FastNetwork fast = FastNetwork.of(net).orElseThrow();
        assertEquals(net.numParams(), fast.size());
        Random r = new Random(3);
        int[] batches = {8, 8, 3, 8, 1};
        for (int step = 0; step < batches.length; step++) {
            int b = batches[step];
            INDArray x = random(r, b, features, t);
            INDArray y = random(r, b, outputs);
            ref.fit(new DataSet(x, y));
            double score = fast.fit(flat(x), flat(y), b, t);
            assertEquals(ref.score(), score, 1e-4 * Math.abs(ref.score()) + 1e-7, "score of step " + step);
        }
        fast.writeBack();
        assertClose(ref.params(), net.params(), 2e-3, "parameters after 5 Adam steps");
        assertClose(ref.getUpdater().getStateViewArray(), net.getUpdater().getStateViewArray(), 2e-3, "Adam state");
        assertEquals(ref.getIterationCount(), net.getIterationCount(), "iteration count");

        // DL4J's fit carries on from the written-back state exactly as from its own.
        DataSet more = new DataSet(random(r, 6, features, t), random(r, 6, outputs));
        ref.fit(more);
        net.fit(more);
        assertClose(ref.params(), net.params(), 2e-3, "parameters after one more DL4J step");
    }

    @Test
    void maeStepsMatchDl4jFit() {
        NetworkSpec spec = spec(3, 1, 6, false, 5, 4);
        MultiLayerNetwork ref = new MultiLayerNetwork(NetworkFactory.configuration(spec, 1e-2, 5, org.seqcast.model.Loss.MAE));
        ref.init();
        MultiLayerNetwork net = new MultiLayerNetwork(NetworkFactory.configuration(spec, 1e-2, 5, org.seqcast.model.Loss.MAE));
        net.init();
        FastLstm.install(net);
        assertTrue(FastNetwork.isMae(net));
        FastNetwork fast = FastNetwork.of(net).orElseThrow();
        Random r = new Random(4);
        for (int b : new int[] {8, 3, 8}) {
            INDArray x = random(r, b, 3, 5);
            INDArray y = random(r, b, 4);
            ref.fit(new DataSet(x, y));
            double score = fast.fit(flat(x), flat(y), b, 5);
            assertEquals(ref.score(), score, 1e-4 * Math.abs(ref.score()) + 1e-7, "MAE score");
        }
        fast.writeBack();
        assertClose(ref.params(), net.params(), 2e-3, "parameters after 3 Adam steps on MAE");
    }

    @Test
    void outputsMatchTheNetworksOutput() {
        NetworkSpec spec = spec(2, 2, 7, false, 6, 5);
        MultiLayerNetwork net = withKernel(spec, 1e-3, 1);
        Random r = new Random(8);
        net.setParams(random(r, 1, net.numParams()).muli(0.4f));
        FastNetwork fast = FastNetwork.of(net).orElseThrow();
        INDArray x = random(r, 9, 2, 6);
        float[] out = new float[9 * 5];
        fast.output(flat(x), 9, 6, out);
        assertClose(net.output(x, false), Nd4j.create(out, new long[] {9, 5}, 'c'), 1e-4, "outputs");
    }

    @Test
    void copiedParametersComeBackAndOnlyWriteBackChangesTheNetwork() {
        NetworkSpec spec = spec(1, 1, 4, false, 5, 2);
        MultiLayerNetwork net = withKernel(spec, 1e-2, 2);
        INDArray before = net.params().dup();
        FastNetwork fast = FastNetwork.of(net).orElseThrow();
        float[] saved = new float[fast.size()];
        fast.copyParams(saved);
        Random r = new Random(1);
        fast.fit(flat(random(r, 4, 1, 5)), flat(random(r, 4, 2)), 4, 5);
        assertClose(before, net.params(), 0, "the network is untouched before writeBack");
        float[] trained = new float[fast.size()];
        fast.copyParams(trained);
        assertFalse(java.util.Arrays.equals(saved, trained), "a step moves the parameters");
        fast.setParams(saved);
        fast.writeBack();
        assertClose(before, net.params(), 0, "restored parameters");
        assertEquals(1, net.getIterationCount(), "the step still counts");
    }

    @Test
    void networksItCannotTrainAreLeftToDl4j() {
        assertTrue(FastNetwork.unsupportedReason(dl4j(spec(2, 1, 4, false, 5, 2), 1e-3, 1)).orElseThrow().contains("fast kernel"),
                "DL4J's own LSTM");
        assertTrue(FastNetwork.unsupportedReason(withKernel(spec(2, 1, 4, true, 5, 2), 1e-3, 1)).isPresent(), "bidirectional");
        List<int[]> ub = new ArrayList<>();
        ub.add(new int[] {4, 0});
        NetworkSpec dropout = NetworkSpec.of(2, 5, ub, List.of(0.2), 2);
        assertTrue(FastNetwork.unsupportedReason(withKernel(dropout, 1e-3, 1)).orElseThrow().contains("dropout"), "dropout");
        assertTrue(FastNetwork.unsupportedReason(withKernel(spec(2, 2, 4, false, 5, 2), 1e-3, 1)).isEmpty(), "the default shape");
    }

    @Test
    void aMinibatchThatDoesNotFitItsArraysIsRefused() {
        FastNetwork fast = FastNetwork.of(withKernel(spec(3, 1, 4, false, 5, 2), 1e-3, 1)).orElseThrow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fast.fit(new float[10], new float[4], 2, 5));
        assertTrue(e.getMessage().contains("Invalid minibatch = 2"), e.getMessage());
    }
}
