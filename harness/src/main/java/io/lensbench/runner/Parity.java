package io.lensbench.runner;

import io.lensbench.core.SearchHit;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QuerySet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * parity.json (docs/run-directory.md): per strategy × query set, overlap@k between the Milvus
 * and OpenSearch lists — per query |A_k ∩ B_k| / max(|A_k|, |B_k|) (1 when both are empty, so
 * identical short lists count as equal), averaged over queries — at k = 1, 10 and the run depth,
 * and the number of queries whose top-10 lists are identical. Read back from the records, so a
 * resumed run computes it over every cell.
 */
final class Parity {
  private Parity() {}

  static void write(Path dir, Matrix matrix, String dataset, List<QuerySet> querySets,
      Set<String> strategyIds, Set<String> storeNames, String rerankerId, Experiment exp) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (storeNames.contains("milvus") && storeNames.contains("opensearch")) {
      for (String sid : strategyIds) {
        for (QuerySet qs : querySets) {
          CellId a = new CellId(dataset, qs.name(), sid, "milvus", rerankerId);
          CellId b = new CellId(dataset, qs.name(), sid, "opensearch", rerankerId);
          if (matrix.isDone(a) && matrix.isDone(b)) {
            rows.add(row(dir, a, b, qs, exp.k()));
          }
        }
      }
    }
    Map<String, Object> parity = new LinkedHashMap<>();
    parity.put("stores", List.of("milvus", "opensearch"));
    parity.put("definition", "mean over queries of |A_k ∩ B_k| / max(|A_k|, |B_k|); 1 when both empty");
    parity.put("index", exp.index());
    parity.put("rows", rows);
    RunFiles.writeJson(dir.resolve("parity.json"), parity);
  }

  private static Map<String, Object> row(Path dir, CellId a, CellId b, QuerySet qs, int depth) {
    Map<String, List<SearchHit>> ra = RunFiles.readRecordHits(dir.resolve("records").resolve(a + ".jsonl"));
    Map<String, List<SearchHit>> rb = RunFiles.readRecordHits(dir.resolve("records").resolve(b + ".jsonl"));
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("strategy", a.strategy());
    row.put("querySet", qs.name());
    row.put("numQueries", qs.queries().size());
    for (int k : new TreeSet<>(List.of(1, 10, depth))) {
      row.put("overlap_at_" + k, meanOverlap(qs, ra, rb, k));
    }
    int identical = 0;
    for (Query q : qs.queries()) {
      if (top(ra.getOrDefault(q.id(), List.of()), 10)
          .equals(top(rb.getOrDefault(q.id(), List.of()), 10))) {
        identical++;
      }
    }
    row.put("identicalTop10", identical);
    return row;
  }

  private static double meanOverlap(QuerySet qs, Map<String, List<SearchHit>> ra,
      Map<String, List<SearchHit>> rb, int k) {
    if (qs.queries().isEmpty()) {
      return 1.0;
    }
    double sum = 0;
    for (Query q : qs.queries()) {
      List<String> la = top(ra.getOrDefault(q.id(), List.of()), k);
      List<String> lb = top(rb.getOrDefault(q.id(), List.of()), k);
      int denom = Math.max(la.size(), lb.size());
      if (denom == 0) {
        sum += 1;
        continue;
      }
      Set<String> s = new HashSet<>(la);
      int inter = 0;
      for (String id : lb) {
        if (s.contains(id)) {
          inter++;
        }
      }
      sum += (double) inter / denom;
    }
    return sum / qs.queries().size();
  }

  private static List<String> top(List<SearchHit> hits, int k) {
    return hits.stream().limit(k).map(SearchHit::id).toList();
  }
}
