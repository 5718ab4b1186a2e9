package org.seqcast.config;

/**
 * One element of {@code model.layers}.
 *
 * @param type the layer kind
 * @param units hidden units, at least 1
 * @param dropout fraction of inputs dropped in training, in [0, 1)
 * @param bidirectional whether the layer also reads the window backwards
 */
public record LayerConfig(LayerType type, int units, double dropout, boolean bidirectional) {

    public LayerConfig {
        ConfigSchema.check(LayerConfig.class, type, units, dropout, bidirectional);
    }
}
