/**
 * CSV to TimeSeries, with precise errors: the CSV dialects spreadsheets and databases export (delimiters,
 * BOM, day-first and month-first dates or a {@code data.time_format} pattern, decimal comma and thousands
 * separators, NA tokens), the inferred frequency (minutes to years, business days, months stamped at
 * midnight), gaps and missing values under {@code data.missing}, and {@link org.seqcast.data.CsvProfile}, what
 * a file holds before a config names its columns (for {@code init} and the column guesses of {@code train}).
 */
package org.seqcast.data;
