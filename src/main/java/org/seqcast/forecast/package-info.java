/** Multi-step forecasts from a saved model: point values, intervals, and their CSV form. */
package org.seqcast.forecast;
