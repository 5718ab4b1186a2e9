package org.seqcast.model;

/**
 * The training loss of the output layer, in the network's (normalised) units: squared error, or absolute error
 * (robust to the occasional wild window; with windows normalised by each series' level it weighs series equally).
 */
public enum Loss {
    /** Mean squared error: DL4J's {@code LossMSE}. */
    MSE,
    /** Mean absolute error: DL4J's {@code LossMAE}. */
    MAE
}
