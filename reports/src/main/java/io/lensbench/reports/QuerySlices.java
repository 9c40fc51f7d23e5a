package io.lensbench.reports;

import io.lensbench.eval.metrics.ScoredCell;
import io.lensbench.eval.run.QueryRow;
import io.lensbench.eval.run.RunCell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Query slices (English text, Korean text, image, table image, image + text) and the per-slice
 * means of a metric, aggregated with Tablesaw over the cells' per-query values.
 */
final class QuerySlices {
  static final List<String> ORDER =
      List.of("English text", "Korean text", "image", "table image (en)", "table image", "table image (ko)", "image + text");

  /** Mean of a metric over one (store, system, slice). */
  record SliceRow(String store, String system, String slice, int numQueries, double mean) {}

  private QuerySlices() {}

  /** Slice label of a query: English text, Korean text, image, table image, image + text. */
  static String slice(QueryRow q, String fallback) {
    if (q == null) {
      return fallback;
    }
    String lang = q.language() == null ? "none" : q.language();
    String kind = q.kind() == null ? "text" : q.kind();
    return switch (kind) {
      case "text" -> switch (lang) {
        case "en" -> "English text";
        case "ko" -> "Korean text";
        default -> "text (" + lang + ")";
      };
      case "image" -> "image";
      case "table_image" -> "table image" + ("ko".equals(lang) ? " (ko)" : "en".equals(lang) ? " (en)" : "");
      case "image_text" -> "image + text";
      default -> kind;
    };
  }

  /** Reading order of slices; unknown slices last. */
  static int rank(String slice) {
    int i = ORDER.indexOf(slice);
    return i < 0 ? 100 : i;
  }

  /** Slices (or query sets named like them) in reading order, then by name. */
  static int compare(String a, String b) {
    int ia = rank(a);
    int ib = rank(b);
    return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
  }

  /** Mean of the metric per (store, system, slice), sorted by store, system, slice. */
  static List<SliceRow> rows(RunData run, String metric) {
    Table pq = perQueryTable(run, metric);
    List<SliceRow> out = new ArrayList<>();
    if (pq.rowCount() == 0) {
      return out;
    }
    Table agg = pq.summarize(metric, AggregateFunctions.mean, AggregateFunctions.count).by("store", "system", "slice");
    for (Row r : agg.sortOn("store", "system", "slice")) {
      out.add(new SliceRow(r.getString("store"), r.getString("system"), r.getString("slice"),
          (int) Math.round(r.getDouble("Count [" + metric + "]")), r.getDouble("Mean [" + metric + "]")));
    }
    return out;
  }

  /** Per-query long table: system, store, slice, metric value. */
  private static Table perQueryTable(RunData run, String metric) {
    StringColumn system = StringColumn.create("system");
    StringColumn store = StringColumn.create("store");
    StringColumn slice = StringColumn.create("slice");
    DoubleColumn value = DoubleColumn.create(metric);
    Map<String, Map<String, QueryRow>> index = new LinkedHashMap<>();
    run.queries().forEach((qs, rows) -> {
      Map<String, QueryRow> m = new LinkedHashMap<>();
      rows.forEach(r -> m.put(r.id(), r));
      index.put(qs, m);
    });
    for (RunCell c : run.cells()) {
      ScoredCell s = c.scores();
      double[] values = s.perQuery().get(metric);
      if (values == null) {
        continue;
      }
      Map<String, QueryRow> qi = index.getOrDefault(c.id().querySet(), Map.of());
      for (int i = 0; i < values.length; i++) {
        system.append(c.id().system());
        store.append(c.id().store());
        slice.append(slice(qi.get(s.queryIds().get(i)), c.id().querySet()));
        value.append(values[i]);
      }
    }
    return Table.create("per_query_" + metric, system, store, slice, value);
  }
}
