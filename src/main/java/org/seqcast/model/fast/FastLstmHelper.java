package org.seqcast.model.fast;

import java.util.Collections;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.FwdPassReturn;
import org.deeplearning4j.nn.layers.recurrent.LSTMHelper;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's own acceleration hook for its LSTM layer ({@link LSTMHelper}, the interface cuDNN plugs into
 * on GPUs), implemented on the CPU with {@link LstmKernel}. The layer stays DL4J's {@code LSTM}: same
 * configuration, parameters, updater and serialization; only the forward and backward math move here.
 *
 * <p>In training DL4J runs the forward pass twice (once for the activations, once again to cache the
 * gates for backprop); this helper keeps the state of the first and hands it to the second when the
 * input is the same array, so the forward pass runs once per minibatch.
 *
 * <p>Handles float32, sigmoid gates, tanh activation, no peepholes, forward direction (DL4J's
 * Bidirectional wrapper reverses the input itself), no masks. Anything else returns null and DL4J's
 * built-in implementation runs.
 */
final class FastLstmHelper implements LSTMHelper {
    private final LstmKernel kernel = new LstmKernel();
    private FwdPassReturn last;
    private INDArray lastInput;
    private boolean lastTraining;
    private FwdPassReturn current; // the forward pass whose state the kernel holds
    private float[] scratch = new float[0]; // for reading epsilon

    static boolean supports(IActivation gate, IActivation act, boolean peepholes, INDArray mask, boolean forwards, DataType type) {
        return gate instanceof ActivationSigmoid && act instanceof ActivationTanH && !peepholes && mask == null && forwards
                && type == DataType.FLOAT;
    }

    @Override
    public boolean checkSupported(IActivation gateActivationFn, IActivation activationFn, boolean hasPeepholeConnections) {
        return gateActivationFn instanceof ActivationSigmoid && activationFn instanceof ActivationTanH && !hasPeepholeConnections;
    }

    @Override
    public boolean checkSupported() {
        return true;
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return Collections.emptyMap();
    }

    @Override
    public FwdPassReturn activate(Layer layer, NeuralNetConfiguration conf, IActivation gateActivationFn, INDArray input,
                                  INDArray recurrentWeights, INDArray inputWeights, INDArray biases, boolean training,
                                  INDArray prevOutputActivations, INDArray prevMemCellState, boolean forBackprop, boolean forwards,
                                  String inputWeightKey, INDArray maskArray, boolean hasPeepholeConnections,
                                  LayerWorkspaceMgr workspaceMgr) {
        IActivation act = ((org.deeplearning4j.nn.conf.layers.BaseLayer) conf.getLayer()).getActivationFn();
        if (!supports(gateActivationFn, act, hasPeepholeConnections, maskArray, forwards, input.dataType()) || input.rank() != 3) {
            return null;
        }
        if (forBackprop && last != null && lastTraining && lastInput == input) {
            // Second forward pass of the same minibatch, for backprop: the kernel already holds its state.
            FwdPassReturn r = last;
            last = null;
            lastInput = null;
            return r;
        }
        int m = (int) input.size(0);
        int nIn = (int) input.size(1);
        int t = (int) input.size(2);
        int u = (int) recurrentWeights.size(0);
        LstmKernel k = kernel;
        k.shape(m, nIn, u, t);
        Arrays3.readSeqWithOnes(input, k.xh, k.k1());
        Arrays3.read2d(inputWeights, k.w);
        if (recurrentWeights.size(1) != 4L * u) {
            return null;
        }
        Arrays3.read2d(recurrentWeights, k.rw);
        Arrays3.readVector(biases, k.w, nIn * 4 * u);
        // Initial state (zeros unless a caller carries state over, as rnnTimeStep does) into block 0.
        if (prevOutputActivations != null) {
            Arrays3.readBlock(prevOutputActivations, k.h, 0);
        } else {
            k.h.zero(0, m * u);
        }
        if (prevMemCellState != null) {
            Arrays3.readBlock(prevMemCellState, k.c0, 0);
        } else {
            k.c0.zero(0, m * u);
        }
        k.forward();
        current = null;

        INDArray out = Arrays3.sequence(k.h, m * u, u, m, u, t, workspaceMgr, ArrayType.ACTIVATIONS);
        FwdPassReturn r = new FwdPassReturn();
        r.fwdPassOutput = out;
        if (!training) {
            // State for rnnTimeStep-style callers; training never reads it.
            r.lastAct = Nd4j.create(DataType.FLOAT, m, u);
            r.lastMemCell = Nd4j.create(DataType.FLOAT, m, u);
            Arrays3.writeBlock(k.hp, (t - 1) * m * u, r.lastAct);
            Arrays3.writeBlock(k.cs, t * m * u, r.lastMemCell);
        }
        current = r;
        last = training ? r : null;
        lastInput = training ? input : null;
        lastTraining = training;
        return r;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(NeuralNetConfiguration conf, IActivation gateActivationFn, INDArray input,
                                                     INDArray recurrentWeights, INDArray inputWeights, INDArray epsilon,
                                                     boolean truncatedBPTT, int tbpttBackwardLength, FwdPassReturn fwdPass,
                                                     boolean forwards, String inputWeightKey, String recurrentWeightKey,
                                                     String biasWeightKey, Map<String, INDArray> gradientViews, INDArray maskArray,
                                                     boolean hasPeepholeConnections, LayerWorkspaceMgr workspaceMgr) {
        if (fwdPass == null || fwdPass.iz != null) {
            return null; // DL4J's own forward pass produced this: let DL4J finish
        }
        if (fwdPass != current) {
            throw new IllegalStateException("fast LSTM: backprop for a forward pass the kernel no longer holds");
        }
        if (truncatedBPTT) {
            throw new IllegalStateException("the fast LSTM does not support truncated BPTT");
        }
        LstmKernel k = kernel;
        if (epsilon.size(0) != k.m || epsilon.size(1) != k.u || epsilon.size(2) != k.t) {
            throw new IllegalStateException("epsilon shape " + java.util.Arrays.toString(epsilon.shape()) + " does not match the forward pass ["
                    + k.m + ", " + k.u + ", " + k.t + "]");
        }
        if (scratch.length < k.eps.length) {
            scratch = new float[k.eps.length];
        }
        Arrays3.readSeq(epsilon, k.eps, scratch);
        k.backward();
        INDArray gW = gradientViews.get(inputWeightKey);
        INDArray gRW = gradientViews.get(recurrentWeightKey);
        INDArray gB = gradientViews.get(biasWeightKey);
        Arrays3.write2d(k.dw, gW);
        Arrays3.write2d(k.drw, gRW);
        Arrays3.writeVector(k.dw, k.nIn * 4 * k.u, gB);
        Gradient g = new DefaultGradient();
        g.setGradientFor(inputWeightKey, gW);
        g.setGradientFor(recurrentWeightKey, gRW);
        g.setGradientFor(biasWeightKey, gB);
        INDArray epsOut = Arrays3.sequence(k.dxh, 0, k.nIn + k.u, k.m, k.nIn, k.t, workspaceMgr, ArrayType.ACTIVATION_GRAD);
        return new Pair<>(g, epsOut);
    }
}
