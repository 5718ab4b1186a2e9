/** seqcast: CSV time series to LSTM forecasts on Deeplearning4j; the shared failure type lives here. */
package org.seqcast;
