/**
 * The run directory (docs/run-directory.md), read and written here only: {@link
 * io.lensbench.eval.run.CellId} names a cell and its files; {@link io.lensbench.eval.run.RunDirectory}
 * knows where each file lives and writes a finished cell (TREC run and per-query {@link
 * io.lensbench.eval.run.QueryRecord}s); {@link io.lensbench.eval.run.MetricsFile} writes and reads
 * metrics/&lt;cell&gt;.json — the one reader behind compare, gate and the report; {@link
 * io.lensbench.eval.run.Parity} compares every pair of stores. Depends on eval's metrics and TREC IO.
 */
package io.lensbench.eval.run;
