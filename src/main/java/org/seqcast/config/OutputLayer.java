package org.seqcast.config;

/** {@code model.output}: the layer after the recurrent stack. */
public enum OutputLayer implements Choice {
    /** A dense layer with identity activation, trained with MSE. */
    LINEAR;

    @Override
    public String key() {
        return Choice.lower(this);
    }
}
