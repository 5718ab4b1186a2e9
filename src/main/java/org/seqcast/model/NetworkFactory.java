package org.seqcast.model;

import org.seqcast.config.Engine;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the DL4J network for a {@link NetworkSpec}: the LSTM stack (the last one reduced to its last
 * time step), then a dense linear output layer with MSE loss, trained with Adam, float32, seeded.
 */
public final class NetworkFactory {
    private NetworkFactory() {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NetworkFactory.class);

    /**
     * Builds and initialises the network, with its LSTM layers on seqcast's fast CPU kernel for
     * {@link Engine#FAST} (when the kernel can run them) and on DL4J's own for {@link Engine#DL4J}.
     */
    public static MultiLayerNetwork build(NetworkSpec spec, double learningRate, long seed) {
        return build(spec, learningRate, seed, resolve(Engine.AUTO));
    }

    /**
     * {@link Engine#AUTO} is the fast kernel unless the JVM property {@code -Dseqcast.lstm=dl4j} (kept for
     * scripts of earlier releases) asks for DL4J's; the other engines are themselves.
     */
    public static Engine resolve(Engine configured) {
        if (configured != Engine.AUTO) {
            return configured;
        }
        return "dl4j".equalsIgnoreCase(System.getProperty("seqcast.lstm", "fast")) ? Engine.DL4J : Engine.FAST;
    }

    public static MultiLayerNetwork build(NetworkSpec spec, double learningRate, long seed, Engine engine) {
        return build(spec, learningRate, seed, engine, Loss.MSE);
    }

    /** A network trained with {@code loss}. */
    public static MultiLayerNetwork build(NetworkSpec spec, double learningRate, long seed, Engine engine, Loss loss) {
        if (engine == Engine.AUTO) {
            throw new IllegalArgumentException("Invalid engine = auto: resolve it first");
        }
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(spec, learningRate, seed, loss));
        net.init();
        if (engine == Engine.DL4J) {
            LOG.info("LSTM: DL4J's implementation (training.engine: dl4j)");
            return net;
        }
        java.util.Optional<String> why = org.seqcast.model.fast.FastLstm.unsupportedReason(true, false);
        if (why.isPresent()) {
            LOG.info("LSTM: DL4J's implementation, because {}", why.get());
        } else {
            org.seqcast.model.fast.FastLstm.install(net);
        }
        return net;
    }

    public static MultiLayerConfiguration configuration(NetworkSpec spec, double learningRate, long seed) {
        return configuration(spec, learningRate, seed, Loss.MSE);
    }

    public static MultiLayerConfiguration configuration(NetworkSpec spec, double learningRate, long seed, Loss loss) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("Invalid learning rate = " + learningRate);
        }
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(learningRate))
                .list();
        int n = spec.layers().size();
        for (int i = 0; i < n; i++) {
            NetworkSpec.Recurrent r = spec.layers().get(i);
            LSTM.Builder lstm = new LSTM.Builder()
                    .nIn(r.nIn())
                    .nOut(r.units())
                    .activation(Activation.TANH)
                    .dataFormat(RNNFormat.NCW);
            if (r.dropout() > 0) {
                lstm.dropOut(1.0 - r.dropout()); // DL4J takes the retain probability
            }
            Layer layer = lstm.build();
            if (r.bidirectional()) {
                layer = new Bidirectional(Bidirectional.Mode.CONCAT, layer);
            }
            if (i == n - 1) {
                layer = new LastTimeStep(layer);
            }
            list.layer(layer);
        }
        list.layer(new OutputLayer.Builder(loss == Loss.MAE ? LossFunctions.LossFunction.MEAN_ABSOLUTE_ERROR : LossFunctions.LossFunction.MSE)
                .activation(Activation.IDENTITY)
                .nIn(spec.hiddenWidth())
                .nOut(spec.outputs())
                .build());
        list.setInputType(InputType.recurrent(spec.inputs(), spec.timesteps(), RNNFormat.NCW));
        return list.build();
    }
}
