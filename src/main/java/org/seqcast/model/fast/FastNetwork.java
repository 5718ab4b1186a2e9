package org.seqcast.model.fast;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.layers.recurrent.LSTM;
import org.deeplearning4j.nn.layers.recurrent.LastTimeStepLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * Trains a whole network of the shape seqcast builds (forward LSTM layers, the last read at its last
 * step, a dense identity output with MSE loss, Adam, no dropout or regularization) one minibatch at a
 * time on the kernels: forward, loss, backpropagation and the Adam step run on plain arrays, with no
 * ND4J array per minibatch. DL4J's {@code fit} creates hundreds of arrays per step; their off-heap
 * buffers and deallocator bookkeeping keep the garbage collector and JavaCPP's deallocator thread busy
 * on another core, which is what stopped batch runs from scaling with workers.
 *
 * <p>The math is DL4J's: the same gate layout and kernel as {@link FastLstmHelper}, DL4J's MSE (squared
 * error over the outputs, divided by their count, averaged over the minibatch) and its Adam update
 * (bias-corrected step size, epsilon outside the square root), checked step by step against
 * {@code MultiLayerNetwork.fit} in the tests. {@link #writeBack()} puts the parameters, the Adam state
 * and the iteration count into the network, so saving, inference and further DL4J training see exactly
 * what was trained here.
 *
 * <p>Not thread-safe; one instance per network.
 */
public final class FastNetwork {
    private final MultiLayerNetwork net;
    private final int layers;
    private final int[] nIn;
    private final int[] units;
    private final int outputs;
    private final LstmKernel[] kernels;
    private final int[] wOff;   // per LSTM layer: [W; b] as [nIn + 1][4u] (the kernel's w), then RW [u][4u] at rwOff
    private final int[] rwOff;
    private final int dOff;     // dense W [hidden][outputs], then its bias [outputs] at dbOff
    private final int dbOff;
    private final float[] theta;
    private final float[] grad;
    private final float[] adamM;
    private final float[] adamV;
    private final int[] flat;   // theta index -> offset in the network's flattened parameters (and in each half of the Adam state)
    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final boolean mae;  // the output loss is MAE (else MSE)
    private int iteration;
    private float[] pred = new float[0];
    private float[] dh = new float[0];

    private FastNetwork(MultiLayerNetwork net, List<LSTM> lstms, OutputLayer out, Adam adam) {
        this.net = net;
        this.mae = isMae(net);
        this.layers = lstms.size();
        this.nIn = new int[layers];
        this.units = new int[layers];
        this.kernels = new LstmKernel[layers];
        this.wOff = new int[layers];
        this.rwOff = new int[layers];
        int n = 0;
        for (int l = 0; l < layers; l++) {
            org.deeplearning4j.nn.conf.layers.LSTM c = (org.deeplearning4j.nn.conf.layers.LSTM) lstms.get(l).conf().getLayer();
            nIn[l] = (int) c.getNIn();
            units[l] = (int) c.getNOut();
            kernels[l] = new LstmKernel();
            wOff[l] = n;
            n += (nIn[l] + 1) * 4 * units[l];
            rwOff[l] = n;
            n += units[l] * 4 * units[l];
        }
        org.deeplearning4j.nn.conf.layers.OutputLayer oc = (org.deeplearning4j.nn.conf.layers.OutputLayer) out.conf().getLayer();
        this.outputs = (int) oc.getNOut();
        dOff = n;
        n += units[layers - 1] * outputs;
        dbOff = n;
        n += outputs;
        theta = new float[n];
        grad = new float[n];
        adamM = new float[n];
        adamV = new float[n];
        flat = new int[n];
        long base = net.params().offset();
        for (int l = 0; l < layers; l++) {
            LSTM layer = lstms.get(l);
            index2d(layer.getParam("W"), base, wOff[l]);
            index2d(layer.getParam("b"), base, wOff[l] + nIn[l] * 4 * units[l]);
            index2d(layer.getParam("RW"), base, rwOff[l]);
        }
        index2d(out.getParam("W"), base, dOff);
        index2d(out.getParam("b"), base, dbOff);
        learningRate = (float) adam.getLearningRate();
        beta1 = (float) adam.getBeta1();
        beta2 = (float) adam.getBeta2();
        epsilon = (float) adam.getEpsilon();
        readBack();
    }

    /** theta[at + r * cols + c] <-> view (r, c) (a row vector counts as one row). */
    private void index2d(INDArray view, long base, int at) {
        INDArray v = view.rank() == 1 ? view.reshape(1, view.length()) : view;
        long[] st = v.stride();
        int rows = (int) v.size(0);
        int cols = (int) v.size(1);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                flat[at + r * cols + c] = (int) (v.offset() - base + r * st[0] + c * st[1]);
            }
        }
    }

    /** This trainer for {@code net}, or why it cannot train it (DL4J's fit then does). */
    public static Optional<FastNetwork> of(MultiLayerNetwork net) {
        return Optional.ofNullable(unsupportedReason(net).isPresent() ? null : create(net));
    }

    /** Empty when {@link #of} can train this network; otherwise the first thing it cannot handle. */
    public static Optional<String> unsupportedReason(MultiLayerNetwork net) {
        Layer[] ls = net.getLayers();
        if (ls == null || ls.length < 2) {
            return Optional.of("the network is not initialised or has no LSTM layer");
        }
        if (net.getLayerWiseConfigurations().getBackpropType() != BackpropType.Standard) {
            return Optional.of("truncated BPTT");
        }
        if (!net.getLayerWiseConfigurations().getInputPreProcessors().isEmpty()) {
            return Optional.of("input preprocessors");
        }
        if (net.params().dataType() != DataType.FLOAT) {
            return Optional.of("parameters are not float32");
        }
        Adam adam = null;
        for (int i = 0; i < ls.length; i++) {
            Layer l = ls[i];
            boolean last = i == ls.length - 1;
            boolean lastLstm = i == ls.length - 2;
            Layer inner = lastLstm && l instanceof LastTimeStepLayer w ? w.getUnderlying() : l;
            if (last) {
                if (!(l instanceof OutputLayer)) {
                    return Optional.of("layer " + i + " is not a dense output layer");
                }
                org.deeplearning4j.nn.conf.layers.OutputLayer c = (org.deeplearning4j.nn.conf.layers.OutputLayer) l.conf().getLayer();
                boolean mse = c.getLossFn() instanceof LossMSE m && m.getWeights() == null;
                boolean mae = c.getLossFn() instanceof org.nd4j.linalg.lossfunctions.impl.LossMAE a && a.getWeights() == null;
                if (!mse && !mae) {
                    return Optional.of("the output loss is not unweighted MSE or MAE");
                }
                if (!(c.getActivationFn() instanceof ActivationIdentity) || !c.hasBias()) {
                    return Optional.of("the output layer is not linear with a bias");
                }
            } else {
                if (lastLstm != (l instanceof LastTimeStepLayer) || !(inner instanceof LSTM lstm)) {
                    return Optional.of("layer " + i + " is not a plain LSTM (the last one read at its last step)");
                }
                if (!FastLstm.installed(lstm)) {
                    return Optional.of("layer " + i + " does not run on the fast kernel");
                }
                org.deeplearning4j.nn.conf.layers.LSTM c = (org.deeplearning4j.nn.conf.layers.LSTM) lstm.conf().getLayer();
                if (!(c.getActivationFn() instanceof ActivationTanH) || !(c.getGateActivationFn() instanceof ActivationSigmoid)) {
                    return Optional.of("layer " + i + " has other activations than tanh and sigmoid gates");
                }
                if (c.getRnnDataFormat() != RNNFormat.NCW) {
                    return Optional.of("layer " + i + " is not in NCW format");
                }
                if (i > 0 && c.getNIn() != ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) ls[i - 1].conf().getLayer()).getNOut()) {
                    return Optional.of("layer " + i + " input width does not match the layer below");
                }
            }
            NeuralNetConfiguration nc = inner.conf();
            BaseLayer c = (BaseLayer) nc.getLayer();
            if (!nc.isMiniBatch()) {
                return Optional.of("layer " + i + " is not in minibatch mode");
            }
            if (c.getIDropout() != null || c.getWeightNoise() != null) {
                return Optional.of("layer " + i + " has dropout or weight noise");
            }
            if (!c.getRegularization().isEmpty() || !c.getRegularizationBias().isEmpty()) {
                return Optional.of("layer " + i + " has regularization");
            }
            if (c.getGradientNormalization() != null && c.getGradientNormalization() != GradientNormalization.None) {
                return Optional.of("layer " + i + " has gradient normalization");
            }
            for (String p : inner.paramTable().keySet()) {
                IUpdater u = c.getUpdaterByParam(p);
                if (!(u instanceof Adam a) || a.getLearningRateSchedule() != null) {
                    return Optional.of("layer " + i + " parameter " + p + " is not trained with plain Adam");
                }
                if (adam == null) {
                    adam = a;
                } else if (!adam.equals(a)) {
                    return Optional.of("layers use different Adam settings");
                }
            }
        }
        if (!(net.getUpdater() instanceof BaseMultiLayerUpdater<?> mu) || mu.getUpdaterBlocks().size() != 1
                || mu.getStateViewArray() == null || mu.getStateViewArray().length() != 2 * net.numParams()) {
            return Optional.of("the updater state is not one Adam block");
        }
        UpdaterBlock block = mu.getUpdaterBlocks().get(0);
        if (block.getParamOffsetStart() != 0 || block.getParamOffsetEnd() != net.numParams()) {
            return Optional.of("the updater block does not cover all parameters");
        }
        return Optional.empty();
    }

    private static FastNetwork create(MultiLayerNetwork net) {
        Layer[] ls = net.getLayers();
        List<LSTM> lstms = new java.util.ArrayList<>();
        for (int i = 0; i < ls.length - 1; i++) {
            lstms.add((LSTM) (ls[i] instanceof LastTimeStepLayer w ? w.getUnderlying() : ls[i]));
        }
        Adam adam = (Adam) ((BaseLayer) lstms.get(0).conf().getLayer()).getUpdaterByParam("W");
        FastNetwork f = new FastNetwork(net, lstms, (OutputLayer) ls[ls.length - 1], adam);
        boolean[] seen = new boolean[f.flat.length];
        for (int idx : f.flat) {
            if (idx < 0 || idx >= seen.length || seen[idx]) {
                throw new IllegalStateException("fast network: parameter views do not tile the parameter vector");
            }
            seen[idx] = true;
        }
        return f;
    }

    /** Number of parameters (as the network counts them). */
    public int size() {
        return theta.length;
    }

    /** Network outputs per window. */
    public int outputs() {
        return outputs;
    }

    /** Loads parameters, Adam state and iteration count from the network. */
    public void readBack() {
        transfer(false);
        iteration = net.getIterationCount();
    }

    /** Puts parameters, Adam state and iteration count into the network. */
    public void writeBack() {
        transfer(true);
        net.setIterationCount(iteration);
    }

    /** Copies parameters and both halves of the Adam state between this layout and the network's flat vectors. */
    private void transfer(boolean toNetwork) {
        INDArray p = net.params();
        FloatBuffer pb = p.data().asNioFloat();
        INDArray s = net.getUpdater().getStateViewArray();
        FloatBuffer sb = s.data().asNioFloat();
        int po = (int) p.offset();
        int mo = (int) s.offset();
        int n = theta.length;
        int vo = mo + n;
        for (int i = 0; i < n; i++) {
            int f = flat[i];
            if (toNetwork) {
                pb.put(po + f, theta[i]);
                sb.put(mo + f, adamM[i]);
                sb.put(vo + f, adamV[i]);
            } else {
                theta[i] = pb.get(po + f);
                adamM[i] = sb.get(mo + f);
                adamV[i] = sb.get(vo + f);
            }
        }
    }

    /** Copies the current parameters (this trainer's layout) into {@code into}, sized {@link #size()}. */
    public void copyParams(float[] into) {
        System.arraycopy(theta, 0, into, 0, theta.length);
    }

    /** Sets the parameters from a {@link #copyParams} copy; the Adam state stays. */
    public void setParams(float[] from) {
        System.arraycopy(from, 0, theta, 0, theta.length);
    }

    /**
     * One Adam step on a minibatch. {@code x} holds {@code b} windows as [b][features][timesteps], {@code y}
     * their targets as [b][outputs]. Returns DL4J's score of the minibatch before the step (mean over
     * windows of the squared error summed over outputs and divided by their count).
     */
    public double fit(float[] x, float[] y, int b, int timesteps) {
        if (y.length < b * outputs) {
            throw new IllegalArgumentException("Invalid minibatch targets = " + y.length + " values for " + b + " windows of " + outputs);
        }
        forward(x, b, timesteps);
        int u = units[layers - 1];
        int mu = b * u;
        int hLast = (timesteps - 1) * mu;
        float[] h = kernels[layers - 1].hp;
        // Loss and its gradient with respect to the predictions; DL4J divides the gradient by the batch size.
        double loss = 0;
        if (mae) {
            float scale = 1f / ((float) outputs * b);
            for (int i = 0; i < b * outputs; i++) {
                float d = pred[i] - y[i];
                loss += Math.abs(d);
                pred[i] = Math.signum(d) * scale; // now dL/dpred
            }
        } else {
            float scale = 2f / ((float) outputs * b);
            for (int i = 0; i < b * outputs; i++) {
                float d = pred[i] - y[i];
                loss += (double) d * d;
                pred[i] = d * scale; // now dL/dpred
            }
        }
        loss /= (double) outputs * b;
        // Dense layer: gradients of W and b, and dL/dh at the last step.
        java.util.Arrays.fill(grad, dOff, dbOff + outputs, 0f);
        for (int i = 0; i < b; i++) {
            int hr = hLast + i * u;
            int pr = i * outputs;
            for (int j = 0; j < u; j++) {
                float hv = h[hr + j];
                int wr = dOff + j * outputs;
                float acc = 0f;
                for (int o = 0; o < outputs; o++) {
                    float g = pred[pr + o];
                    grad[wr + o] += hv * g;
                    acc += g * theta[wr + o];
                }
                dh[i * u + j] = acc;
            }
            for (int o = 0; o < outputs; o++) {
                grad[dbOff + o] += pred[pr + o];
            }
        }
        // LSTM layers, top down: the top one gets its gradient at the last step only.
        for (int l = layers - 1; l >= 0; l--) {
            LstmKernel k = kernels[l];
            int n = timesteps * b * units[l];
            if (l == layers - 1) {
                java.util.Arrays.fill(k.eps, 0, n - mu, 0f);
                System.arraycopy(dh, 0, k.eps, n - mu, mu);
            } else {
                LstmKernel above = kernels[l + 1];
                int k2 = above.nIn + above.u;
                int w = units[l];
                for (int r = 0; r < timesteps * b; r++) {
                    above.dxh.fb.get(r * k2, k.eps, r * w, w);
                }
            }
            k.backward();
            int g4 = 4 * units[l];
            k.dw.fb.get(0, grad, wOff[l], (nIn[l] + 1) * g4);
            k.drw.fb.get(0, grad, rwOff[l], units[l] * g4);
        }
        adam();
        return loss;
    }

    /** Network outputs for {@code b} windows [b][features][timesteps] into {@code out} [b][outputs]. */
    public void output(float[] x, int b, int timesteps, float[] out) {
        forward(x, b, timesteps);
        System.arraycopy(pred, 0, out, 0, b * outputs);
    }

    private void forward(float[] x, int b, int timesteps) {
        if (b < 1 || timesteps < 1 || x.length < b * nIn[0] * timesteps) {
            throw new IllegalArgumentException("Invalid minibatch = " + b + " windows of " + timesteps + " steps (" + x.length + " values)");
        }
        int f = nIn[0];
        for (int l = 0; l < layers; l++) {
            LstmKernel k = kernels[l];
            int u = units[l];
            int g4 = 4 * u;
            k.shape(b, nIn[l], u, timesteps);
            int k1 = k.k1();
            FloatBuffer xh = k.xh.fb;
            if (l == 0) {
                for (int s = 0; s < timesteps; s++) {
                    for (int i = 0; i < b; i++) {
                        int row = (s * b + i) * k1;
                        int src = i * f * timesteps + s;
                        for (int j = 0; j < f; j++) {
                            xh.put(row + j, x[src + j * timesteps]);
                        }
                        xh.put(row + k1 - 1, 1f);
                    }
                }
            } else {
                float[] below = kernels[l - 1].hp;
                int w = nIn[l];
                for (int r = 0; r < timesteps * b; r++) {
                    xh.put(r * k1, below, r * w, w);
                    xh.put(r * k1 + k1 - 1, 1f);
                }
            }
            k.w.fb.put(0, theta, wOff[l], (nIn[l] + 1) * g4);
            k.rw.fb.put(0, theta, rwOff[l], u * g4);
            k.h.zero(0, b * u);
            k.c0.zero(0, b * u);
            k.forward();
        }
        int u = units[layers - 1];
        if (pred.length < b * outputs) {
            pred = new float[b * outputs];
        }
        if (dh.length < b * u) {
            dh = new float[b * u];
        }
        float[] h = kernels[layers - 1].hp;
        int hLast = (timesteps - 1) * b * u;
        for (int i = 0; i < b; i++) {
            int pr = i * outputs;
            System.arraycopy(theta, dbOff, pred, pr, outputs);
            int hr = hLast + i * u;
            for (int j = 0; j < u; j++) {
                float hv = h[hr + j];
                int wr = dOff + j * outputs;
                for (int o = 0; o < outputs; o++) {
                    pred[pr + o] += hv * theta[wr + o];
                }
            }
        }
    }

    /** DL4J's Adam: bias-corrected step size, epsilon added to sqrt(v); the iteration count advances. */
    private void adam() {
        double b1t = Math.pow(beta1, iteration + 1);
        double b2t = Math.pow(beta2, iteration + 1);
        float step = (float) (learningRate * Math.sqrt(1 - b2t) / (1 - b1t));
        if (Float.isNaN(step) || step == 0f || Float.isInfinite(step)) {
            step = epsilon;
        }
        float b1 = beta1;
        float b2 = beta2;
        float c1 = 1f - b1;
        float c2 = 1f - b2;
        float e = epsilon;
        float[] p = theta;
        float[] g = grad;
        float[] m = adamM;
        float[] v = adamV;
        for (int i = 0; i < p.length; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + gi * c1;
            float vi = b2 * v[i] + gi * gi * c2;
            m[i] = mi;
            v[i] = vi;
            p[i] -= mi * step / ((float) Math.sqrt(vi) + e);
        }
        iteration++;
    }

    /** Whether the network's output loss is MAE (DL4J's {@code LossMAE}); else it is MSE. */
    public static boolean isMae(MultiLayerNetwork net) {
        org.deeplearning4j.nn.api.Layer[] ls = net.getLayers();
        return ls[ls.length - 1].conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.OutputLayer o
                && o.getLossFn() instanceof org.nd4j.linalg.lossfunctions.impl.LossMAE;
    }
}
