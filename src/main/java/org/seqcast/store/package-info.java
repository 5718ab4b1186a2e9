/** The model file: one zip of our own JSON and raw floats, with provenance; never Java serialization. */
package org.seqcast.store;
