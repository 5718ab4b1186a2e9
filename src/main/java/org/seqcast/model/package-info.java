/** Network construction for DL4J, a plain-Java forward pass for forecasting, and the layer summary. */
package org.seqcast.model;
