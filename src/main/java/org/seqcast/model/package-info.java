/**
 * Network construction for DL4J from a {@link org.seqcast.model.NetworkSpec} (LSTM stack and a linear output layer,
 * trained with the {@link org.seqcast.model.Loss} the plan chooses: MSE for one series, MAE over many), a plain-Java
 * forward pass for forecasting, and the layer summary.
 */
package org.seqcast.model;
