package io.lensbench.eval.run;

import io.lensbench.core.BadInputException;
import java.util.Locale;
import java.util.Optional;

/**
 * One cell of a run: {@code <dataset>.<queryset>.<strategy>.<store>[.<reranker>]}, the name of its
 * files in the run directory (runs/&lt;cell&gt;.trec, records/&lt;cell&gt;.jsonl,
 * metrics/&lt;cell&gt;.json, cells/&lt;cell&gt;.done).
 *
 * @param reranker null when there is no second stage
 */
public record CellId(String dataset, String querySet, String strategy, String store, String reranker) {

  @Override
  public String toString() {
    String base = dataset + "." + querySet + "." + strategy + "." + store;
    return reranker == null ? base : base + "." + reranker;
  }

  /** strategy · store [· reranker], for labels. */
  public String label() {
    return strategy + " · " + store + (reranker == null ? "" : " · " + reranker);
  }

  /** The strategy with its reranker ("strategy + reranker"): what is compared on one store. */
  public String system() {
    return strategy + (reranker == null ? "" : " + " + reranker);
  }

  /** The same cell without its second stage. */
  public CellId firstStage() {
    return new CellId(dataset, querySet, strategy, store, null);
  }

  /** Parses a cell id; an id of another shape is bad input. */
  public static CellId parse(String id) {
    return tryParse(id).orElseThrow(() -> new BadInputException(String.format(Locale.ROOT,
        "cell id '%s': expected <dataset>.<queryset>.<strategy>.<store>[.<reranker>], found %d part(s)",
        id, id.split("\\.", -1).length)));
  }

  /** The cell of an id of the documented shape; empty for any other name. */
  public static Optional<CellId> tryParse(String id) {
    String[] p = id.split("\\.", -1);
    if (p.length != 4 && p.length != 5) {
      return Optional.empty();
    }
    return Optional.of(new CellId(p[0], p[1], p[2], p[3], p.length == 5 ? p[4] : null));
  }
}
