/** File output that never leaves a partial file behind. */
package org.seqcast.io;
