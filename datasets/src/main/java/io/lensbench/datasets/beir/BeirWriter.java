package io.lensbench.datasets.beir;

import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.Json;
import io.lensbench.datasets.NativeLayout;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QuerySet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes a text dataset in the BEIR layout (the inverse of {@link BeirLoader}). */
public final class BeirWriter {
  private BeirWriter() {}

  public static void write(Dataset d, String language, java.nio.file.Path dir) {
    List<String> corpus = new ArrayList<>();
    for (Item i : d.items().values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("_id", i.id());
      m.put("title", i.texts().getOrDefault("title_" + language, ""));
      m.put("text", i.texts().getOrDefault("text_" + language, ""));
      if (!i.attributes().isEmpty()) {
        m.put("metadata", new TreeMap<>(i.attributes()));
      }
      corpus.add(Json.line(m));
    }
    NativeLayout.writeLines(dir.resolve("corpus.jsonl"), corpus);
    Map<String, Query> queries = new LinkedHashMap<>();
    d.querySets().forEach(s -> s.queries().forEach(q -> queries.putIfAbsent(q.id(), q)));
    List<String> ql = new ArrayList<>();
    for (Query q : queries.values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("_id", q.id());
      m.put("text", q.text());
      if (!q.attributes().isEmpty()) {
        m.put("metadata", new TreeMap<>(q.attributes()));
      }
      ql.add(Json.line(m));
    }
    NativeLayout.writeLines(dir.resolve("queries.jsonl"), ql);
    for (QuerySet s : d.querySets()) {
      List<String> lines = new ArrayList<>();
      lines.add("query-id\tcorpus-id\tscore");
      s.qrels().asMap().forEach((q, docs) -> docs.forEach((doc, g) -> lines.add(q + "\t" + doc + "\t" + g)));
      NativeLayout.writeLines(dir.resolve("qrels").resolve(s.name() + ".tsv"), lines);
    }
  }
}
