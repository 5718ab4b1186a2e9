/**
 * seqcast batch on Apache Spark: {@link org.seqcast.spark.SparkBatch} reads a long-format table (CSV or
 * Parquet, any Hadoop path), groups its rows by series id, runs seqcast's per-series (or global) pipeline
 * in Spark tasks (with {@code --global}: trains once on the driver, broadcasts the model's bytes, forecasts each series in
 * its own task) and writes the forecasts and summary tables through Spark's writer. Every call into
 * seqcast's pipeline goes through {@link org.seqcast.spark.SeqcastTask} (the {@link org.seqcast.spark.SeriesTask}
 * the Spark code sees); the rest of this package only moves rows of text.
 */
package org.seqcast.spark;
