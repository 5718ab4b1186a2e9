/** Cuts series into [samples, features, timesteps] windows and splits them chronologically. */
package org.seqcast.window;
