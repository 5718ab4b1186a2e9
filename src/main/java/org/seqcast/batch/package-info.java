/** Batch forecasting: many series from a long-format CSV or many files, one pure per-series pipeline run by a worker pool with isolated failures and resumable outputs. */
package org.seqcast.batch;
