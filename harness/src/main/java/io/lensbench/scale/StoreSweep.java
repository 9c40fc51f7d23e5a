package io.lensbench.scale;

import io.lensbench.core.LensBenchException;
import io.lensbench.core.SearchHit;
import io.lensbench.runner.IndexBuild;
import io.lensbench.runner.ProcessMemory;
import io.lensbench.runner.RunSelection;
import io.lensbench.runner.StreamingIndex;
import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.Footprint;
import io.lensbench.stores.IndexSpec;
import io.lensbench.stores.RetrievalStore;
import io.lensbench.stores.SearchParams;
import io.lensbench.stores.VectorField;
import io.lensbench.strategies.Strategy;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One store at one corpus size: every configuration of its sweep built as its own collection
 * (streamed), searched with each of its search parameters, measured (build time, latency
 * percentiles and QPS of one client, ANN recall@k against the store's own FLAT result, task
 * quality against the qrels, the server's resident set) and dropped again.
 */
final class StoreSweep {
  private static final int WARM_UP = 20;

  private final RetrievalStore store;
  private final Strategy strategy;
  private final RunSelection selection;
  private final ScaleQueries queries;
  private final ScaleSettings settings;
  private final StoreServer server;
  private final PrintStream err;
  private List<List<String>> exact;

  StoreSweep(RetrievalStore store, Strategy strategy, RunSelection selection, ScaleQueries queries,
      ScaleSettings settings, StoreServer server, PrintStream err) {
    this.store = store;
    this.strategy = strategy;
    this.selection = selection;
    this.queries = queries;
    this.settings = settings;
    this.server = server;
    this.err = err;
  }

  /** One row per configuration and search parameter; a failed build ends the sweep with an error row. */
  List<Map<String, Object>> run(IndexSweep sweep) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (IndexSweep.Config c : sweep.configs()) {
      String collection = collection(c);
      IndexBuild built;
      try {
        CollectionSchema schema = withIndex(strategy.schema(collection, Map.of()), c.build());
        Map<String, Object> before = serverMemory();
        built = StreamingIndex.build(store, strategy, schema, selection, settings.batchSize(), n -> { });
        err.printf(Locale.ROOT, "scale %s n=%d %s: built in %.1f s%n", store.name(), selection.corpusSize(),
            c.label(), built.wallSeconds());
        Map<String, Object> footprint = footprint(collection);
        footprint.put("serverRssGrowthBytes", growth(before, serverMemory()));
        for (SearchParams p : c.searches()) {
          Map<String, Object> row = measure(c, p, collection, built);
          row.put("footprint", footprint);
          rows.add(row);
        }
      } catch (LensBenchException e) {
        rows.add(failure(c, e));
        dropQuietly(collection);
        return rows;
      }
      if (!settings.keep()) {
        store.drop(collection);
      }
    }
    return rows;
  }

  private Map<String, Object> measure(IndexSweep.Config c, SearchParams p, String collection, IndexBuild built) {
    int n = queries.ids().size();
    long budget = settings.searchBudgetSeconds() == 0 ? Long.MAX_VALUE : settings.searchBudgetSeconds() * 1_000_000_000L;
    SearchLoop.Measured measured = SearchLoop.run(n, settings.rounds(), WARM_UP, budget, System::nanoTime,
        i -> search(collection, i, p));
    double[] ms = measured.latenciesMs();
    List<List<String>> results = measured.results();
    if (c.build().type() == IndexSpec.Type.FLAT) {
      exact = results;
    }
    Map<String, Object> row = head(c);
    row.put("search", c.label(p));
    row.put("ef", p.ef());
    row.put("nprobe", p.nprobe());
    row.put("build", built.toJson().get("seconds"));
    row.put("searches", ms.length);
    if (measured.truncated()) {
      row.put("truncated", measured.describe(settings.searchBudgetSeconds(), n));
      err.printf(Locale.ROOT, "scale %s n=%d %s: %s%n", store.name(), selection.corpusSize(), c.label(p),
          row.get("truncated"));
    }
    row.put("p50Ms", round(ScaleMath.percentile(ms, 50)));
    row.put("p99Ms", round(ScaleMath.percentile(ms, 99)));
    double total = 0;
    for (double v : ms) {
      total += v;
    }
    row.put("qps", round(ms.length / (total / 1000.0)));
    row.putAll(quality(results));
    row.put("server", serverMemory());
    return row;
  }

  /**
   * The collection's footprint as the store reports it, its disk measured in the embedded store's
   * data folder where the store reports none; a failure to read it is recorded, not fatal.
   */
  private Map<String, Object> footprint(String collection) {
    try {
      Footprint f = store.footprint(collection);
      if (f.diskBytes() == null && !f.storageKeys().isEmpty()) {
        OptionalLong disk = server.disk().apply(f.storageKeys());
        if (disk.isPresent()) {
          f = f.withDisk(disk.getAsLong(), "bytes under the collection's folders in the embedded store's data folder");
        }
      }
      return f.toJson();
    } catch (LensBenchException | java.io.UncheckedIOException e) {
      err.println("scale " + store.name() + ": could not read the size of " + collection + ": " + e.getMessage());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("error", String.valueOf(e.getMessage()));
      return m;
    }
  }

  /** Server RSS after the build minus before it: what the collection made the server hold (measured, not reported). */
  private static Long growth(Map<String, Object> before, Map<String, Object> after) {
    return before != null && after != null && before.get("rssBytes") instanceof Number b
        && after.get("rssBytes") instanceof Number a ? a.longValue() - b.longValue() : null;
  }

  private Map<String, Object> serverMemory() {
    return server.pid().isPresent() ? ProcessMemory.of(server.pid().getAsLong()) : null;
  }

  /** ANN recall@k over the queries both this setting and FLAT scored; task quality over the judged ones. */
  private Map<String, Object> quality(List<List<String>> results) {
    int k = settings.k();
    double ann = 0;
    int compared = Math.min(results.size(), exact.size());
    double recall = 0;
    double ndcg = 0;
    int judged = 0;
    for (int i = 0; i < results.size(); i++) {
      if (i < compared) {
        ann += ScaleMath.annRecall(results.get(i), exact.get(i), k);
      }
      double[] q = queries.quality(i, results.get(i), k);
      if (q != null) {
        recall += q[0];
        ndcg += q[1];
        judged++;
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("annRecallAtK", compared == 0 ? null : round(ann / compared));
    m.put("annQueries", compared);
    m.put("recallAtK", judged == 0 ? null : round(recall / judged));
    m.put("ndcgAtK", judged == 0 ? null : round(ndcg / judged));
    m.put("judgedQueries", judged);
    return m;
  }

  private List<String> search(String collection, int i, SearchParams p) {
    List<SearchHit> hits = store.knn(collection, queries.field(), queries.vectors().get(i), settings.k(), null, p);
    return hits.stream().map(SearchHit::id).toList();
  }

  private Map<String, Object> head(IndexSweep.Config c) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("store", store.name());
    row.put("engine", store.engine());
    row.put("strategy", strategy.id());
    row.put("items", selection.corpusSize());
    row.put("distractors", selection.distractors() == null ? 0 : selection.distractors().count());
    row.put("config", c.label());
    row.put("index", c.build().type().name().toLowerCase(Locale.ROOT));
    return row;
  }

  private Map<String, Object> failure(IndexSweep.Config c, LensBenchException e) {
    Map<String, Object> row = head(c);
    row.put("error", e.getMessage());
    row.put("server", serverMemory());
    err.printf(Locale.ROOT, "scale %s n=%d %s: FAILED: %s%n", store.name(), selection.corpusSize(), c.label(),
        e.getMessage());
    return row;
  }

  private void dropQuietly(String collection) {
    try {
      store.drop(collection);
    } catch (LensBenchException e) {
      err.println("scale: could not drop " + collection + " after the failure: " + e.getMessage());
    }
  }

  /** A name of this process's own: {@code scale_<config>_<items>_<pid>}. */
  private String collection(IndexSweep.Config c) {
    return String.format(Locale.ROOT, "scale_%s_%s_%d_%d", strategy.id(), c.label(), selection.corpusSize(),
        ProcessHandle.current().pid()).replaceAll("[^a-z0-9_]", "_");
  }

  static CollectionSchema withIndex(CollectionSchema s, IndexSpec index) {
    List<VectorField> vs = s.vectors().stream()
        .map(v -> new VectorField(v.name(), v.dimension(), v.metric(), index)).toList();
    return new CollectionSchema(s.name(), vs, s.texts(), s.scalars(), s.properties());
  }

  static double round(double v) {
    return Double.isFinite(v) ? Math.round(v * 10_000) / 10_000.0 : v;
  }
}
