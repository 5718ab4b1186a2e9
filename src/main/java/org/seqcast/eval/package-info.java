/** Error metrics and the naive baselines every forecast is judged against. */
package org.seqcast.eval;
