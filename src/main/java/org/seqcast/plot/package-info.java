/** PNG charts (XChart, headless) of a series with its forecasts and intervals, and of training loss curves. */
package org.seqcast.plot;
