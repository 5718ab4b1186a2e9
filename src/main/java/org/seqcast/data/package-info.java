/** CSV to TimeSeries: time formats, inferred frequency, gaps and missing values, with precise errors. */
package org.seqcast.data;
