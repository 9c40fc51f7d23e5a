package io.lensbench.eval.metrics;

/**
 * Identity of a cell: {@code <dataset>.<queryset>.<strategy>.<store>[.<reranker>]}.
 * Parts are null when the id does not follow that shape.
 */
public record CellInfo(String cell, String dataset, String querySet, String strategy,
    String store, String reranker) {

  public static CellInfo parse(String cellId) {
    String[] p = cellId.split("\\.", -1);
    if (p.length == 4 || p.length == 5) {
      return new CellInfo(cellId, p[0], p[1], p[2], p[3], p.length == 5 ? p[4] : null);
    }
    return new CellInfo(cellId, null, null, null, null, null);
  }
}
