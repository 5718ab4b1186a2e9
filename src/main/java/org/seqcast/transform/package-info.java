/** Scalers and transforms, fitted on training rows only and inverted on every forecast. */
package org.seqcast.transform;
