package org.seqcast.config;

import java.util.List;

/**
 * The {@code model} section: the network architecture.
 *
 * @param layers the recurrent layers from input to output, at least one
 * @param output the output layer kind
 */
public record ModelConfig(List<LayerConfig> layers, OutputLayer output) {

    public ModelConfig {
        ConfigSchema.check(ModelConfig.class, layers, output);
        layers = List.copyOf(layers);
    }
}
