package org.seqcast.config;

/** {@code model.layers[*].type}: the recurrent layer kind. */
public enum LayerType implements Choice {
    /** Long short-term memory (DL4J's {@code LSTM}, on seqcast's kernel when possible). */
    LSTM;

    @Override
    public String key() {
        return Choice.lower(this);
    }
}
