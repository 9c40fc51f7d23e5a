package io.lensbench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.DatasetLoader;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.LoadOptions;
import io.lensbench.datasets.NativeLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything a report needs from one run directory (format: docs/run-directory.md), read as plain
 * JSON and TREC text so that this module depends on datasets only. Optional files (parity.json,
 * bench/jmh.json, items.jsonl, records) become empty values; malformed files are BadInputException
 * naming file and line.
 */
public record RunData(
    Path dir,
    JsonNode provenance,
    JsonNode experiment,
    JsonNode card,
    Map<String, List<QueryRow>> queries,
    Map<String, Map<String, Map<String, Integer>>> qrels,
    List<CellMetrics> cells,
    Map<String, Map<String, QueryRecord>> records,
    Map<String, ItemRow> items,
    JsonNode parity,
    JsonNode jmh) {

  /** Mean and confidence interval of one metric; NaN bounds when the file has none. */
  public record Stat(double mean, double ciLow, double ciHigh) {
    public boolean hasCi() {
      return !Double.isNaN(ciLow) && !Double.isNaN(ciHigh);
    }
  }

  /** One scored cell from metrics/&lt;cell&gt;.json. */
  public record CellMetrics(
      String cell,
      String dataset,
      String querySet,
      String strategy,
      String store,
      String reranker,
      int numQueries,
      Map<String, Stat> summary,
      Map<String, Map<String, Double>> perQuery) {

    /** strategy · store [· reranker], for labels. */
    public String label() {
      return strategy + " · " + store + (reranker == null ? "" : " · " + reranker);
    }

    /** The cell id without the query set, i.e. the "system" compared across query sets. */
    public String system() {
      return strategy + "." + store + (reranker == null ? "" : "." + reranker);
    }

    public double mean(String metric) {
      Stat s = summary.get(metric);
      return s == null ? Double.NaN : s.mean();
    }
  }

  /** One query line of queries/&lt;queryset&gt;.jsonl. */
  public record QueryRow(
      String id, String querySet, String kind, String language, String text, String image,
      Map<String, String> attributes) {}

  public record Hit(String id, double score) {}

  /** One line of records/&lt;cell&gt;.jsonl (or a query's list from runs/&lt;cell&gt;.trec). */
  public record QueryRecord(
      String query, List<Hit> hits, List<Hit> firstStage, Map<String, Double> timingMs, JsonNode rerank) {}

  /** One corpus item from the optional items.jsonl (thumbnails and names in the drill-down). */
  public record ItemRow(String id, String image, String name, Map<String, String> attributes) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Loads a run directory; requires at least one metrics/*.json. */
  public static RunData load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new BadInputException("run directory " + dir + " does not exist or is not a directory");
    }
    List<Path> metricFiles = list(dir.resolve("metrics"), ".json");
    if (metricFiles.isEmpty()) {
      throw new BadInputException(
          "run directory " + dir + ": expected metrics/<cell>.json files (docs/run-directory.md), found none");
    }
    List<CellMetrics> cells = new ArrayList<>();
    for (Path f : metricFiles) {
      cells.add(readCell(f));
    }
    Map<String, List<QueryRow>> queries = new TreeMap<>();
    for (Path f : list(dir.resolve("queries"), ".jsonl")) {
      String qs = stripExt(f, ".jsonl");
      queries.put(qs, readQueries(f, qs));
    }
    // query sets in reading order: English text, Korean text, image, table image, image + text
    Map<String, Integer> qsRank = new LinkedHashMap<>();
    for (CellMetrics c : cells) {
      List<QueryRow> qrows = queries.getOrDefault(c.querySet(), List.of());
      qsRank.put(c.querySet(), qrows.isEmpty() ? 100 : Analysis.sliceRank(Analysis.slice(qrows.get(0), c.querySet())));
    }
    cells.sort(Comparator.<CellMetrics>comparingInt(c -> qsRank.get(c.querySet())).thenComparing(CellMetrics::querySet)
        .thenComparing(CellMetrics::store).thenComparing(CellMetrics::strategy)
        .thenComparing(c -> c.reranker() == null ? "" : c.reranker()));
    Map<String, Map<String, Map<String, Integer>>> qrels = new TreeMap<>();
    for (Path f : list(dir.resolve("qrels"), ".qrels")) {
      qrels.put(stripExt(f, ".qrels"), readQrels(f));
    }
    Map<String, Map<String, QueryRecord>> records = new LinkedHashMap<>();
    for (CellMetrics c : cells) {
      Path rec = dir.resolve("records").resolve(c.cell() + ".jsonl");
      Path trec = dir.resolve("runs").resolve(c.cell() + ".trec");
      if (Files.isRegularFile(rec)) {
        records.put(c.cell(), readRecords(rec));
      } else if (Files.isRegularFile(trec)) {
        records.put(c.cell(), readTrecRun(trec));
      }
    }
    JsonNode provenance = readJsonOptional(dir.resolve("provenance.json"));
    Map<String, ItemRow> items = new LinkedHashMap<>();
    Path itemsFile = dir.resolve("items.jsonl");
    if (Files.isRegularFile(itemsFile)) {
      items = readItems(itemsFile);
    } else {
      items = itemsFromDataset(provenance.path("dataset").path("root").asText(""));
    }
    return new RunData(
        dir,
        provenance,
        readJsonOptional(dir.resolve("experiment.resolved.json")),
        readJsonOptional(dir.resolve("dataset-card.json")),
        queries, qrels, List.copyOf(cells), records, items,
        readJsonOptional(dir.resolve("parity.json")),
        readJsonOptional(dir.resolve("bench").resolve("jmh.json")));
  }

  public boolean hasReranker() {
    return cells.stream().anyMatch(c -> c.reranker() != null);
  }

  /** Query set → query id → row. */
  public QueryRow query(String querySet, String id) {
    for (QueryRow q : queries.getOrDefault(querySet, List.of())) {
      if (q.id().equals(id)) {
        return q;
      }
    }
    return null;
  }

  /** An image path from the run files; relative paths are taken relative to the run directory. */
  public String resolveImage(String path) {
    if (path == null || path.isBlank()) {
      return null;
    }
    Path p = Path.of(path);
    return (p.isAbsolute() ? p : dir.resolve(p)).toString();
  }

  /** True when the dataset card says the Korean text is glossary-derived (any field mentioning it). */
  public boolean koreanIsGlossaryDerived() {
    return !card.isMissingNode() && card.toString().toLowerCase(Locale.ROOT).contains("glossary");
  }

  /** A short content hash of the run's metric files, for naming and provenance of comparisons. */
  public String metricsFingerprint() {
    StringBuilder b = new StringBuilder();
    for (CellMetrics c : cells) {
      b.append(c.cell()).append(':').append(c.summary()).append('\n');
    }
    return Hashing.sha256Hex(b.toString()).substring(0, 12);
  }

  // ---------------------------------------------------------------- readers

  static List<Path> list(Path dir, String ext) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(ext) && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static String stripExt(Path f, String ext) {
    String n = f.getFileName().toString();
    return n.substring(0, n.length() - ext.length());
  }

  static JsonNode readJson(Path f) {
    try {
      return JSON.readTree(f.toFile());
    } catch (IOException e) {
      throw new BadInputException(f + ": expected JSON, found a parse error: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  static JsonNode readJsonOptional(Path f) {
    return Files.isRegularFile(f) ? readJson(f) : MissingNode.getInstance();
  }

  private static String textOrNull(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Map<String, String> stringMap(JsonNode n) {
    Map<String, String> m = new LinkedHashMap<>();
    if (n != null && n.isObject()) {
      n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
    }
    return m;
  }

  private static double dbl(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    if (v == null || v.isNull()) {
      return Double.NaN;
    }
    if (v.isTextual()) {
      try {
        return Double.parseDouble(v.asText());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return v.asDouble();
  }

  static CellMetrics readCell(Path f) {
    JsonNode n = readJson(f);
    String cell = textOrNull(n, "cell");
    if (cell == null) {
      cell = stripExt(f, ".json");
    }
    String[] parts = cell.split("\\.");
    String dataset = orElse(textOrNull(n, "dataset"), parts.length > 0 ? parts[0] : "?");
    String querySet = orElse(textOrNull(n, "querySet"), parts.length > 1 ? parts[1] : "?");
    String strategy = orElse(textOrNull(n, "strategy"), parts.length > 2 ? parts[2] : "?");
    String store = orElse(textOrNull(n, "store"), parts.length > 3 ? parts[3] : "?");
    String reranker = textOrNull(n, "reranker");
    if (reranker == null && parts.length > 4 && !n.has("reranker")) {
      reranker = parts[4];
    }
    if (reranker != null && reranker.isBlank()) {
      reranker = null;
    }
    JsonNode summaryNode = n.get("summary");
    if (summaryNode == null || !summaryNode.isObject()) {
      throw new BadInputException(f + ": expected an object field 'summary' (docs/run-directory.md), found "
          + (summaryNode == null ? "none" : summaryNode.getNodeType()));
    }
    Map<String, Stat> summary = new TreeMap<>();
    summaryNode.fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      if (v.isNumber()) {
        summary.put(e.getKey(), new Stat(v.asDouble(), Double.NaN, Double.NaN));
      } else if (v.isObject()) {
        summary.put(e.getKey(), new Stat(dbl(v, "mean"), dbl(v, "ciLow"), dbl(v, "ciHigh")));
      }
    });
    Map<String, Map<String, Double>> perQuery = new LinkedHashMap<>();
    JsonNode pq = n.get("perQuery");
    if (pq != null && pq.isObject()) {
      pq.fields().forEachRemaining(e -> {
        Map<String, Double> m = new TreeMap<>();
        e.getValue().fields().forEachRemaining(x -> {
          if (x.getValue().isNumber()) {
            m.put(x.getKey(), x.getValue().asDouble());
          }
        });
        perQuery.put(e.getKey(), m);
      });
    }
    int numQueries = n.has("numQueries") ? n.get("numQueries").asInt() : perQuery.size();
    return new CellMetrics(cell, dataset, querySet, strategy, store, reranker, numQueries,
        Collections.unmodifiableMap(summary), Collections.unmodifiableMap(perQuery));
  }

  private static String orElse(String a, String b) {
    return a == null || a.isBlank() ? b : a;
  }

  private interface LineHandler {
    void accept(String line, int lineNo);
  }

  private static void eachLine(Path f, LineHandler h) {
    try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (!line.isBlank()) {
          h.accept(line, no);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
  }

  private static JsonNode parseLine(Path f, String line, int no) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new BadInputException(String.format(Locale.ROOT, "%s line %d: expected one JSON object, found a parse error: %s",
          f, no, e.getMessage().lines().findFirst().orElse("")), e);
    }
  }

  static List<QueryRow> readQueries(Path f, String querySet) {
    List<QueryRow> out = new ArrayList<>();
    eachLine(f, (line, no) -> {
      JsonNode n = parseLine(f, line, no);
      String id = textOrNull(n, "id");
      if (id == null) {
        throw new BadInputException(String.format(Locale.ROOT, "%s line %d: expected field 'id', found none", f, no));
      }
      out.add(new QueryRow(id, querySet, orElse(textOrNull(n, "kind"), "text"), orElse(textOrNull(n, "language"), "none"),
          textOrNull(n, "text"), textOrNull(n, "image"), stringMap(n.get("attributes"))));
    });
    return List.copyOf(out);
  }

  static Map<String, Map<String, Integer>> readQrels(Path f) {
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    eachLine(f, (line, no) -> {
      String[] p = line.trim().split("\\s+");
      if (p.length != 4) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s line %d: expected 'qid 0 docid grade' (4 fields), found %d fields", f, no, p.length));
      }
      try {
        out.computeIfAbsent(p[0], k -> new LinkedHashMap<>()).put(p[2], Integer.parseInt(p[3]));
      } catch (NumberFormatException e) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s line %d: expected an integer grade, found '%s'", f, no, p[3]), e);
      }
    });
    return out;
  }

  private static List<Hit> hits(JsonNode arr) {
    if (arr == null || !arr.isArray()) {
      return null;
    }
    List<Hit> out = new ArrayList<>(arr.size());
    for (JsonNode h : arr) {
      out.add(new Hit(h.path("id").asText(), dbl(h, "score")));
    }
    return List.copyOf(out);
  }

  static Map<String, QueryRecord> readRecords(Path f) {
    Map<String, QueryRecord> out = new LinkedHashMap<>();
    eachLine(f, (line, no) -> {
      JsonNode n = parseLine(f, line, no);
      String q = textOrNull(n, "query");
      if (q == null) {
        throw new BadInputException(String.format(Locale.ROOT, "%s line %d: expected field 'query', found none", f, no));
      }
      List<Hit> hits = hits(n.get("hits"));
      Map<String, Double> timing = new LinkedHashMap<>();
      JsonNode t = n.get("timingMs");
      if (t != null && t.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> it = t.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          timing.put(e.getKey(), e.getValue().asDouble());
        }
      }
      JsonNode rr = n.get("rerank");
      out.put(q, new QueryRecord(q, hits == null ? List.of() : hits, hits(n.get("firstStage")), timing,
          rr == null || rr.isNull() ? MissingNode.getInstance() : rr));
    });
    return out;
  }

  /** Reads a TREC run file ("qid Q0 docid rank score tag"), keeping each query's lines in rank order. */
  static Map<String, QueryRecord> readTrecRun(Path f) {
    Map<String, List<double[]>> ranks = new LinkedHashMap<>();
    Map<String, List<String>> docs = new LinkedHashMap<>();
    eachLine(f, (line, no) -> {
      String[] p = line.trim().split("\\s+");
      if (p.length != 6) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s line %d: expected 'qid Q0 docid rank score tag' (6 fields), found %d fields", f, no, p.length));
      }
      try {
        ranks.computeIfAbsent(p[0], k -> new ArrayList<>()).add(new double[] {Integer.parseInt(p[3]), Double.parseDouble(p[4])});
      } catch (NumberFormatException e) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s line %d: expected integer rank and numeric score, found '%s' '%s'", f, no, p[3], p[4]), e);
      }
      docs.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p[2]);
    });
    Map<String, QueryRecord> out = new LinkedHashMap<>();
    ranks.forEach((q, rs) -> {
      List<String> ds = docs.get(q);
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < rs.size(); i++) {
        order.add(i);
      }
      order.sort(Comparator.comparingDouble(i -> rs.get(i)[0]));
      List<Hit> hits = new ArrayList<>();
      for (int i : order) {
        hits.add(new Hit(ds.get(i), rs.get(i)[1]));
      }
      out.put(q, new QueryRecord(q, List.copyOf(hits), null, Map.of(), MissingNode.getInstance()));
    });
    return out;
  }

  /**
   * Without items.jsonl: the corpus of the dataset directory named by provenance.json
   * dataset.root, loaded leniently (invalid records skipped, images not decoded). Empty when there
   * is no such directory or it does not load — the drill-down then shows ids and says why.
   */
  static Map<String, ItemRow> itemsFromDataset(String root) {
    Map<String, ItemRow> out = new LinkedHashMap<>();
    if (root.isBlank() || !Files.isRegularFile(Path.of(root).resolve(NativeLayout.CARD))) {
      return out;
    }
    Dataset d;
    try {
      d = DatasetLoader.load(Path.of(root), new LoadOptions(true, null, false)).dataset();
    } catch (RuntimeException e) {
      return out;
    }
    for (Item it : d.items().values()) {
      String name = it.text("name", "en");
      if (name == null && !it.texts().isEmpty()) {
        name = it.texts().values().iterator().next();
      }
      out.put(it.id(), new ItemRow(it.id(), it.image() == null ? null : it.image().toString(), name, it.attributes()));
    }
    return out;
  }

  static Map<String, ItemRow> readItems(Path f) {
    Map<String, ItemRow> out = new LinkedHashMap<>();
    eachLine(f, (line, no) -> {
      JsonNode n = parseLine(f, line, no);
      String id = textOrNull(n, "id");
      if (id == null) {
        throw new BadInputException(String.format(Locale.ROOT, "%s line %d: expected field 'id', found none", f, no));
      }
      out.put(id, new ItemRow(id, textOrNull(n, "image"), textOrNull(n, "name"), stringMap(n.get("attributes"))));
    });
    return out;
  }
}
