/** A fused CPU LSTM kernel (OpenBLAS GEMMs, one pass of gate math) in DL4J's LSTM helper slot, and a whole-network trainer on it. */
package org.seqcast.model.fast;
