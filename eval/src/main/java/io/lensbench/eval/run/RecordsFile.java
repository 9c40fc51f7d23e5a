package io.lensbench.eval.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.BadInputException;
import io.lensbench.core.SearchHit;
import io.lensbench.eval.run.QueryRecord.Timing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * records/&lt;cell&gt;.jsonl (docs/run-directory.md), one {@link QueryRecord} per line:
 * {@code {"query","hits":[{"id","score"}],"firstStage":[...],"timingMs":{...},"rerank":{...}}},
 * timings rounded to microseconds.
 */
public final class RecordsFile {
  private RecordsFile() {}

  /** The file's text, one line per record in the given order. */
  public static String format(List<QueryRecord> records) {
    StringBuilder sb = new StringBuilder();
    for (QueryRecord r : records) {
      sb.append(RunJson.line(toJson(r))).append('\n');
    }
    return sb.toString();
  }

  private static Map<String, Object> toJson(QueryRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("query", r.query());
    m.put("hits", hits(r.hits()));
    if (r.firstStage() != null) {
      m.put("firstStage", hits(r.firstStage()));
    }
    if (r.timing() != null) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("encode", round(r.timing().encodeMs()));
      t.put("search", round(r.timing().searchMs()));
      t.put("fuse", round(r.timing().fuseMs()));
      t.put("rerank", round(r.timing().rerankMs()));
      t.put("total", round(r.timing().totalMs()));
      m.put("timingMs", t);
    }
    if (r.rerank() != null) {
      m.put("rerank", r.rerank());
    }
    return m;
  }

  private static List<Map<String, Object>> hits(List<SearchHit> hits) {
    List<Map<String, Object>> out = new ArrayList<>(hits.size());
    for (SearchHit h : hits) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", h.id());
      m.put("score", h.score());
      out.add(m);
    }
    return out;
  }

  private static double round(double ms) {
    return Math.round(ms * 1000.0) / 1000.0;
  }

  /** Reads the file: query id → record, in file order. Malformed lines name file and line. */
  public static Map<String, QueryRecord> read(Path file) {
    Map<String, QueryRecord> out = new LinkedHashMap<>();
    RunJson.eachLine(file, (n, no) -> {
      String q = RunJson.text(n, "query");
      JsonNode hits = n.get("hits");
      if (q == null || hits == null || !hits.isArray()) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s line %d: expected keys 'query' and 'hits' (an array), found %s", file, no, fieldNames(n)));
      }
      JsonNode first = n.get("firstStage");
      JsonNode rr = n.get("rerank");
      out.put(q, new QueryRecord(q, hits(hits), first == null || first.isNull() ? null : hits(first),
          timing(n.get("timingMs")), rr == null || rr.isNull() ? null : rerank(rr)));
    });
    return out;
  }

  private static List<SearchHit> hits(JsonNode arr) {
    List<SearchHit> out = new ArrayList<>(arr.size());
    for (JsonNode h : arr) {
      out.add(new SearchHit(h.path("id").asText(), h.path("score").asDouble(Double.NaN)));
    }
    return out;
  }

  private static Timing timing(JsonNode t) {
    if (t == null || !t.isObject()) {
      return null;
    }
    return new Timing(t.path("encode").asDouble(Double.NaN), t.path("search").asDouble(Double.NaN),
        t.path("fuse").asDouble(Double.NaN), t.path("rerank").asDouble(Double.NaN),
        t.path("total").asDouble(Double.NaN));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> rerank(JsonNode rr) {
    return RunJson.JSONL.convertValue(rr, LinkedHashMap.class);
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
