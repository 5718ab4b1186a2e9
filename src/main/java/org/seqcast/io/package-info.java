/** File output that never leaves a partial file behind ({@link org.seqcast.io.AtomicFiles}), and the one JSON mapper ({@link org.seqcast.io.Json}). */
package org.seqcast.io;
