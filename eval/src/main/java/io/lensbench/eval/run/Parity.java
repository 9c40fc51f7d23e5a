package io.lensbench.eval.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.SearchHit;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QuerySet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * parity.json (docs/run-directory.md): for every pair of stores of a run, per strategy × query set,
 * overlap@k between the two stores' lists — per query |A_k ∩ B_k| / max(|A_k|, |B_k|) (1 when both
 * are empty, so identical short lists count as equal), averaged over queries — at k = 1, 10 and
 * the run depth, and the number of queries whose top-10 lists are identical. Computed from the
 * records, so a resumed run covers every finished cell.
 */
public final class Parity {
  public static final String DEFINITION =
      "mean over queries of |A_k ∩ B_k| / max(|A_k|, |B_k|); 1 when both empty";

  /**
   * One row of parity.json as read back.
   *
   * @param overlapAtK k → mean overlap@k
   * @param identicalTop10 queries with identical top-10 lists; -1 when not recorded
   */
  public record Row(String strategy, String querySet, String storeA, String storeB, int numQueries,
      SortedMap<Integer, Double> overlapAtK, int identicalTop10) {}

  private Parity() {}

  /**
   * Writes parity.json for the finished cells of every store pair.
   *
   * @param stores every store of the run, in run order (pairs keep that order)
   * @param depth the run depth k
   * @param index the experiment's index settings, recorded as given
   */
  public static void write(RunDirectory dir, String dataset, List<QuerySet> querySets,
      Collection<String> strategies, List<String> stores, String reranker, int depth, Object index) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < stores.size(); i++) {
      for (int j = i + 1; j < stores.size(); j++) {
        for (String sid : strategies) {
          for (QuerySet qs : querySets) {
            CellId a = new CellId(dataset, qs.name(), sid, stores.get(i), reranker);
            CellId b = new CellId(dataset, qs.name(), sid, stores.get(j), reranker);
            if (dir.isDone(a) && dir.isDone(b)) {
              rows.add(row(dir, a, b, qs, depth));
            }
          }
        }
      }
    }
    Map<String, Object> parity = new LinkedHashMap<>();
    parity.put("stores", List.copyOf(stores));
    parity.put("definition", DEFINITION);
    parity.put("index", index);
    parity.put("rows", rows);
    RunJson.writeJson(dir.parityFile(), parity);
  }

  private static Map<String, Object> row(RunDirectory dir, CellId a, CellId b, QuerySet qs, int depth) {
    Map<String, List<SearchHit>> ra = hits(dir, a);
    Map<String, List<SearchHit>> rb = hits(dir, b);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("strategy", a.strategy());
    row.put("querySet", qs.name());
    row.put("stores", List.of(a.store(), b.store()));
    row.put("numQueries", qs.queries().size());
    for (int k : new TreeSet<>(List.of(1, 10, depth))) {
      row.put("overlap_at_" + k, meanOverlap(qs, ra, rb, k));
    }
    int identical = 0;
    for (Query q : qs.queries()) {
      if (top(ra.getOrDefault(q.id(), List.of()), 10).equals(top(rb.getOrDefault(q.id(), List.of()), 10))) {
        identical++;
      }
    }
    row.put("identicalTop10", identical);
    return row;
  }

  private static Map<String, List<SearchHit>> hits(RunDirectory dir, CellId cell) {
    Map<String, List<SearchHit>> out = new LinkedHashMap<>();
    RecordsFile.read(dir.recordsFile(cell)).forEach((q, r) -> out.put(q, r.hits()));
    return out;
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

  /**
   * Reads parity.json; empty when the run has none. Besides the form {@link #write} gives it
   * accepts rows with {@code storeA}, {@code storeB}, {@code k} and {@code overlapAtK}, under
   * {@code rows}, {@code pairs} or as a bare array; rows without stores take the top-level pair.
   */
  public static List<Row> read(Path file) {
    List<Row> out = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    JsonNode p = RunJson.read(file);
    JsonNode rows = p.isArray() ? p : p.has("rows") ? p.get("rows") : p.path("pairs");
    JsonNode rootStores = p.path("stores");
    int rootK = p.path("k").asInt(10);
    for (JsonNode e : rows) {
      SortedMap<Integer, Double> overlap = new TreeMap<>();
      e.fieldNames().forEachRemaining(n -> {
        if (n.matches("overlap_at_[0-9]+")) {
          overlap.put(Integer.parseInt(n.substring("overlap_at_".length())), e.get(n).asDouble());
        }
      });
      if (e.has("overlapAtK")) {
        overlap.put(e.path("k").asInt(rootK), e.get("overlapAtK").asDouble());
      }
      JsonNode stores = e.has("stores") ? e.get("stores") : rootStores;
      String a = e.has("storeA") ? e.get("storeA").asText() : stores.path(0).asText("?");
      String b = e.has("storeB") ? e.get("storeB").asText() : stores.path(1).asText("?");
      out.add(new Row(e.path("strategy").asText("?"), e.path("querySet").asText("?"), a, b,
          e.path("numQueries").asInt(0), overlap, e.path("identicalTop10").asInt(-1)));
    }
    return out;
  }
}
