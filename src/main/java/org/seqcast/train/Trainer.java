package org.seqcast.train;

import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.seqcast.SeqcastException;
import org.seqcast.config.Engine;
import org.seqcast.model.fast.FastLstm;
import org.seqcast.model.fast.FastNetwork;
import org.seqcast.window.Windows;

/**
 * Minibatch training with early stopping on validation loss: each epoch shuffles the training windows
 * (seeded), fits every minibatch, scores the validation windows, and remembers the parameters of the
 * best epoch, which are restored at the end.
 *
 * <p>Networks of the shape seqcast builds train on {@link FastNetwork} (no ND4J array per minibatch);
 * anything else (dropout, bidirectional layers, {@code -Dseqcast.lstm=dl4j}) on DL4J's {@code fit}.
 * Both run the same math; the network holds the result either way once {@link #fit} or {@link #epoch}
 * returns.
 */
public final class Trainer {

    /** How to train. patience 0 = never stop early. */
    public record Options(int epochs, int batchSize, int patience, long seed) {
        public Options {
            if (epochs < 1) {
                throw new IllegalArgumentException("Invalid epochs = " + epochs);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("Invalid batch size = " + batchSize);
            }
            if (patience < 0) {
                throw new IllegalArgumentException("Invalid patience = " + patience);
            }
        }
    }

    /** What happened: best epoch (1-based), epochs run, and the loss curves (scaled units, MSE). */
    public record Result(int bestEpoch, int epochsRun, double bestValidationLoss, double[] trainLoss, double[] validationLoss) {
    }

    private final boolean mae; // the output loss is MAE: validation is scored the same way
    private final MultiLayerNetwork net;
    private final Windows train;
    private final int features;
    private final int timesteps;
    private final int outputs;
    private final float[] xAll;
    private final float[] yAll;
    private final INDArray valX;
    private final float[] valXFlat;
    private final float[][] valY;
    private final FastNetwork fast; // null: DL4J's fit
    private final String kernel;
    private float[] batchX = new float[0];
    private float[] batchY = new float[0];
    private float[] valPred;

    /**
     * @param validation windows scored after every epoch for early stopping; null or empty for none (the last epoch is kept)
     * @param engine     {@link Engine#FAST}: whole steps on {@link FastNetwork} when it supports the network;
     *                   {@link Engine#DL4J}: DL4J's {@code fit}
     */
    public Trainer(MultiLayerNetwork net, Windows train, Windows validation) {
        this(net, train, validation, Engine.FAST);
    }

    public Trainer(MultiLayerNetwork net, Windows train, Windows validation, Engine engine) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("Invalid training windows = 0");
        }
        this.net = net;
        this.mae = FastNetwork.isMae(net);
        this.train = train;
        this.features = train.features();
        this.timesteps = train.timesteps();
        this.outputs = train.horizon() * train.targets();
        this.xAll = flattenInputs(train);
        this.yAll = flattenTargets(train);
        int nv = validation == null ? 0 : validation.size();
        this.fast = engine == Engine.DL4J ? null : FastNetwork.of(net).orElse(null);
        this.kernel = fast != null ? "FastNetwork" : FastLstm.installed(net.getLayer(0)) ? "FastLstm in DL4J fit" : "DL4J";
        this.valXFlat = nv == 0 ? null : flattenInputs(validation);
        this.valX = nv == 0 || fast != null ? null : Nd4j.create(valXFlat, new long[] {nv, features, timesteps}, 'c');
        this.valY = new float[nv][];
        for (int i = 0; i < nv; i++) {
            valY[i] = validation.target(i);
        }
    }

    static float[] flattenInputs(Windows w) {
        int f = w.features();
        int t = w.timesteps();
        float[] out = new float[w.size() * f * t];
        for (int s = 0; s < w.size(); s++) {
            float[][] x = w.input(s);
            for (int j = 0; j < f; j++) {
                System.arraycopy(x[j], 0, out, (s * f + j) * t, t);
            }
        }
        return out;
    }

    static float[] flattenTargets(Windows w) {
        int o = w.horizon() * w.targets();
        float[] out = new float[w.size() * o];
        for (int s = 0; s < w.size(); s++) {
            System.arraycopy(w.target(s), 0, out, s * o, o);
        }
        return out;
    }

    /**
     * Trains to the end or until patience runs out, then restores the best epoch's parameters. Without
     * validation windows every epoch counts as the best, so the last one is kept.
     */
    public Result fit(Options o, ProgressSink progress) {
        Nd4j.getRandom().setSeed(o.seed());
        Random shuffle = new Random(o.seed());
        double[] trainLoss = new double[o.epochs()];
        double[] valLoss = new double[o.epochs()];
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        INDArray bestParams = null;
        float[] bestFast = null;
        int epoch = 0;
        progress.start(o.epochs());
        try {
            while (epoch < o.epochs()) {
                epoch++;
                double tl = runEpoch(o.batchSize(), shuffle);
                if (!Double.isFinite(tl)) {
                    throw new SeqcastException(SeqcastException.Kind.NUMERIC, "training diverged at epoch " + epoch
                            + " (loss " + tl + "); lower training.learning_rate or check the data for extreme values");
                }
                double vl = valXFlat == null ? tl : validationLoss();
                trainLoss[epoch - 1] = tl;
                valLoss[epoch - 1] = vl;
                if (valXFlat == null || vl < best) {
                    best = vl;
                    bestEpoch = epoch;
                    if (valXFlat != null) {
                        if (fast != null) {
                            bestFast = bestFast == null ? new float[fast.size()] : bestFast;
                            fast.copyParams(bestFast);
                        } else {
                            bestParams = net.params().dup();
                        }
                    }
                }
                progress.epoch(epoch, o.epochs(), tl, vl, best, bestEpoch);
                if (o.patience() > 0 && epoch - bestEpoch >= o.patience()) {
                    break;
                }
            }
        } finally {
            progress.close();
            if (fast != null) {
                if (bestFast != null) {
                    fast.setParams(bestFast);
                }
                fast.writeBack();
            }
        }
        if (bestParams != null) {
            net.setParams(bestParams);
        }
        return new Result(bestEpoch, epoch, best, java.util.Arrays.copyOf(trainLoss, epoch), java.util.Arrays.copyOf(valLoss, epoch));
    }

    /** One pass over the shuffled training windows, its result in the network; returns the mean minibatch loss. */
    public double epoch(int batchSize, Random shuffle) {
        double loss = runEpoch(batchSize, shuffle);
        if (fast != null) {
            fast.writeBack();
        }
        return loss;
    }

    /** How the steps run: {@code FastNetwork}, {@code FastLstm in DL4J fit} or {@code DL4J}. */
    public String kernel() {
        return kernel;
    }

    /** Whether minibatches run on {@link FastNetwork} rather than DL4J's fit. */
    public boolean fast() {
        return fast != null;
    }

    private double runEpoch(int batchSize, Random shuffle) {
        int n = train.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int ft = features * timesteps;
        double sum = 0;
        int batches = 0;
        if (fast != null && batchX.length < Math.min(batchSize, n) * ft) {
            batchX = new float[Math.min(batchSize, n) * ft];
            batchY = new float[Math.min(batchSize, n) * outputs];
        }
        for (int from = 0; from < n; from += batchSize) {
            int b = Math.min(batchSize, n - from);
            float[] x = fast != null ? batchX : new float[b * ft];
            float[] y = fast != null ? batchY : new float[b * outputs];
            for (int k = 0; k < b; k++) {
                int s = order[from + k];
                System.arraycopy(xAll, s * ft, x, k * ft, ft);
                System.arraycopy(yAll, s * outputs, y, k * outputs, outputs);
            }
            if (fast != null) {
                sum += fast.fit(x, y, b, timesteps);
                batches++;
                continue;
            }
            DataSet ds = new DataSet(Nd4j.create(x, new long[] {b, features, timesteps}, 'c'),
                    Nd4j.create(y, new long[] {b, outputs}, 'c'));
            net.fit(ds);
            sum += net.score();
            batches++;
        }
        return sum / batches;
    }

    /** The training loss over all validation outputs (scaled units): mean squared error, or mean absolute error for an MAE network. */
    public double validationLoss() {
        float[] pred;
        if (fast != null) {
            pred = valPred == null ? valPred = new float[valY.length * outputs] : valPred;
            fast.output(valXFlat, valY.length, timesteps, pred);
        } else {
            INDArray out = net.output(valX, false);
            pred = out.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat();
        }
        double s = 0;
        for (int i = 0; i < valY.length; i++) {
            for (int k = 0; k < outputs; k++) {
                double d = pred[i * outputs + k] - valY[i][k];
                s += mae ? Math.abs(d) : d * d;
            }
        }
        return s / ((double) valY.length * outputs);
    }
}
