package io.lensbench.eval.run;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QuerySet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * queries/&lt;queryset&gt;.jsonl (docs/run-directory.md): one query per line,
 * {@code {"id","kind","language","text","image","attributes"[,"excludeIds"]}}.
 */
public final class QueriesFile {
  private QueriesFile() {}

  /** The file's text for a query set, queries in order. */
  public static String format(QuerySet qs) {
    StringBuilder sb = new StringBuilder();
    for (Query q : qs.queries()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", q.id());
      m.put("kind", q.kind().wireName());
      m.put("language", q.language());
      m.put("text", q.text());
      m.put("image", q.image() == null ? null : q.image().toAbsolutePath().toString());
      m.put("attributes", new TreeMap<>(q.attributes()));
      if (!q.excludeIds().isEmpty()) {
        m.put("excludeIds", new TreeSet<>(q.excludeIds()));
      }
      sb.append(RunJson.line(m)).append('\n');
    }
    return sb.toString();
  }

  /** Reads the file; a line without "id" or an id given twice is bad input naming the line. */
  public static List<QueryRow> read(Path file) {
    List<QueryRow> out = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    RunJson.eachLine(file, (n, no) -> {
      String id = RunJson.text(n, "id");
      if (id == null) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s line %d: expected a JSON object with \"id\", found none", file, no));
      }
      Integer first = seen.putIfAbsent(id, no);
      if (first != null) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s line %d: query id '%s' appears twice (first on line %d)", file, no, id, first));
      }
      out.add(new QueryRow(id, RunJson.text(n, "kind"), RunJson.text(n, "language"),
          RunJson.text(n, "text"), RunJson.text(n, "image"), ItemsFile.stringMap(n.get("attributes"))));
    });
    return List.copyOf(out);
  }

  /** Slice attributes of a queries file: query id → every attribute plus kind and language. */
  public static Map<String, Map<String, String>> attributes(Path file) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (QueryRow q : read(file)) {
      Map<String, String> a = new LinkedHashMap<>(q.attributes());
      if (q.kind() != null) {
        a.put("kind", q.kind());
      }
      if (q.language() != null) {
        a.put("language", q.language());
      }
      out.put(q.id(), a);
    }
    return out;
  }
}
