package io.lensbench.datasets;

import java.util.List;

/**
 * A named set of queries with their qrels, e.g. {@code text-en}, {@code text-ko},
 * {@code image}, {@code table-image-en}, {@code image-text-en}, {@code image-text-ko}.
 */
public record QuerySet(String name, List<Query> queries, Qrels qrels) {
  public QuerySet {
    queries = List.copyOf(queries);
  }
}
