package org.seqcast.config;

/**
 * {@code training.engine}: what runs the training arithmetic. The math is the same (tests hold the two
 * to each other); the engine is recorded in the model's provenance.
 */
public enum Engine implements Choice {
    /** seqcast's fused CPU kernel where the network allows it (forward LSTMs, no dropout), DL4J's otherwise. */
    AUTO,
    /** seqcast's fused CPU kernel; a config error when the network needs DL4J (dropout, bidirectional). */
    FAST,
    /** DL4J's own LSTM implementation and {@code fit}. */
    DL4J;

    @Override
    public String key() {
        return Choice.lower(this);
    }
}
