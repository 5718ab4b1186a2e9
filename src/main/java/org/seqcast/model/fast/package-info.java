/** A fused CPU LSTM kernel (OpenBLAS GEMMs, one pass of gate math) plugged into DL4J's LSTM helper slot. */
package org.seqcast.model.fast;
