/**
 * Batch forecasting: many series from a long-format CSV or many files ({@link org.seqcast.batch.SeriesSource}), the
 * per-series pipeline as a pure function ({@link org.seqcast.batch.SeriesPipeline}) or one global network over all
 * ({@link org.seqcast.batch.GlobalPipeline}, the same {@code train.TrainJob} stages), run by a worker pool with isolated
 * failures ({@link org.seqcast.batch.BatchRunner}) and resumable outputs ({@link org.seqcast.batch.BatchOutputs}).
 */
package org.seqcast.batch;
