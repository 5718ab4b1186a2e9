package org.seqcast.model;

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
     * Builds and initialises the network, with its LSTM layers on seqcast's fast CPU kernel unless
     * {@code -Dseqcast.lstm=dl4j} asks for DL4J's own implementation (or the kernel cannot run it).
     */
    public static MultiLayerNetwork build(NetworkSpec spec, double learningRate, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(spec, learningRate, seed));
        net.init();
        if ("dl4j".equalsIgnoreCase(System.getProperty("seqcast.lstm", "fast"))) {
            LOG.info("LSTM: DL4J's implementation (-Dseqcast.lstm=dl4j)");
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
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                .activation(Activation.IDENTITY)
                .nIn(spec.hiddenWidth())
                .nOut(spec.outputs())
                .build());
        list.setInputType(InputType.recurrent(spec.inputs(), spec.timesteps(), RNNFormat.NCW));
        return list.build();
    }
}
