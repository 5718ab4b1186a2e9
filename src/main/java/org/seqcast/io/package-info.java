/**
 * File input and output safety: atomic writes with the user's umask and no temp file left behind
 * ({@link org.seqcast.io.AtomicFiles}, {@link org.seqcast.io.Shutdown}), output directories held open
 * without following links ({@link org.seqcast.io.OutputDir}), the documented size limits of every
 * input read whole ({@link org.seqcast.io.Limits}), and the one JSON mapper ({@link org.seqcast.io.Json}).
 */
package org.seqcast.io;
