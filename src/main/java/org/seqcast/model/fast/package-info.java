/** A fused CPU LSTM kernel (OpenBLAS GEMMs, vectorized gate math) plugged into DL4J's LSTM helper slot. */
package org.seqcast.model.fast;
