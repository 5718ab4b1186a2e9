/** The training loop: seeded minibatches, early stopping on validation loss, progress on stderr. */
package org.seqcast.train;
