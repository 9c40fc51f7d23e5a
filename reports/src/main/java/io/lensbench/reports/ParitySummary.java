package io.lensbench.reports;

import io.lensbench.eval.run.Parity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Store parity from parity.json: one overlap per row, at k = 10 when recorded, else the largest k. */
final class ParitySummary {
  record Row(String strategy, String querySet, String storeA, String storeB, int k, double overlap, int numQueries) {
    /** "a vs b, k=10". */
    String pair() {
      return storeA + " vs " + storeB + ", k=" + k;
    }
  }

  final List<Row> rows = new ArrayList<>();

  ParitySummary(List<Parity.Row> parity) {
    for (Parity.Row p : parity) {
      Map<Integer, Double> o = p.overlapAtK();
      int k = o.containsKey(10) ? 10 : o.isEmpty() ? 10 : p.overlapAtK().lastKey();
      rows.add(new Row(p.strategy(), p.querySet(), p.storeA(), p.storeB(), k, o.getOrDefault(k, Double.NaN),
          p.numQueries()));
    }
  }

  /** True when every row compares the same stores at the same k. */
  boolean uniform() {
    Set<String> kinds = new LinkedHashSet<>();
    rows.forEach(r -> kinds.add(r.pair()));
    return kinds.size() == 1;
  }

  /** tables/parity.csv and .json. */
  ReportTable table() {
    ReportTable t = new ReportTable("parity", "Store parity: overlap@k of the stores' result lists",
        List.of("strategy", "query_set", "store_a", "store_b", "k", "overlap", "num_q"));
    rows.forEach(r -> t.add(r.strategy(), r.querySet(), r.storeA(), r.storeB(), r.k(), r.overlap(), r.numQueries()));
    return t;
  }
}
