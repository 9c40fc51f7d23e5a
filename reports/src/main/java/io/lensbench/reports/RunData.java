package io.lensbench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.DatasetLoader;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.LoadOptions;
import io.lensbench.datasets.NativeLayout;
import io.lensbench.datasets.Qrels;
import io.lensbench.eval.run.ItemRow;
import io.lensbench.eval.run.ItemsFile;
import io.lensbench.eval.run.Parity;
import io.lensbench.eval.run.QueriesFile;
import io.lensbench.eval.run.QueryRecord;
import io.lensbench.eval.run.QueryRow;
import io.lensbench.eval.run.RunCell;
import io.lensbench.eval.run.RunDirectory;
import io.lensbench.eval.run.RunJson;
import io.lensbench.eval.trec.TrecQrelsReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything a report needs from one run directory, read through eval's run-directory schema
 * (docs/run-directory.md). Optional files (parity.json, bench/jmh.json, items.jsonl, records)
 * become empty values; malformed files are BadInputException naming file and line.
 */
public record RunData(
    Path dir,
    JsonNode provenance,
    JsonNode experiment,
    JsonNode card,
    Map<String, List<QueryRow>> queries,
    Map<String, Qrels> qrels,
    List<RunCell> cells,
    Map<String, Map<String, QueryRecord>> records,
    Map<String, ItemRow> items,
    List<Parity.Row> parity,
    JsonNode jmh) {

  /** Loads a run directory; requires at least one metrics/*.json. */
  public static RunData load(Path dir) {
    RunData summary = summary(dir);
    RunDirectory run = new RunDirectory(dir);
    List<RunCell> cells = summary.cells();
    Map<String, Qrels> qrels = new TreeMap<>();
    for (Path f : list(dir.resolve("qrels"), ".qrels")) {
      qrels.put(stripExt(f, ".qrels"), TrecQrelsReader.read(f));
    }
    Map<String, Map<String, QueryRecord>> records = new LinkedHashMap<>();
    for (RunCell c : cells) {
      Map<String, QueryRecord> r = run.records(c.id());
      if (!r.isEmpty()) {
        records.put(c.cell(), r);
      }
    }
    JsonNode provenance = summary.provenance();
    Map<String, ItemRow> items = Files.isRegularFile(run.itemsFile()) ? ItemsFile.read(run.itemsFile())
        : itemsFromDataset(provenance.path("dataset").path("root").asText(""));
    return new RunData(dir, provenance, summary.experiment(), summary.card(), summary.queries(), qrels, cells, records,
        items, Parity.read(run.parityFile()), RunJson.readIfPresent(dir.resolve("bench").resolve("jmh.json")));
  }

  /**
   * A run directory without its per-query records, items, qrels, parity and benchmarks: enough to
   * list it (cells with their scores, queries, provenance, card, experiment), at a fraction of
   * the memory of {@link #load}.
   */
  public static RunData summary(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new BadInputException("run directory " + dir + ": expected a directory, found none");
    }
    List<RunCell> cells = new ArrayList<>(new RunDirectory(dir).cells());
    Map<String, List<QueryRow>> queries = new TreeMap<>();
    for (Path f : list(dir.resolve("queries"), ".jsonl")) {
      queries.put(stripExt(f, ".jsonl"), QueriesFile.read(f));
    }
    cells.sort(readingOrder(cells, queries));
    return new RunData(dir, RunJson.readIfPresent(dir.resolve("provenance.json")),
        RunJson.readIfPresent(dir.resolve("experiment.resolved.json")), RunJson.readIfPresent(dir.resolve("dataset-card.json")),
        queries, Map.of(), List.copyOf(cells), Map.of(), Map.of(), List.of(), com.fasterxml.jackson.databind.node.MissingNode.getInstance());
  }

  /** Query sets in reading order (English text, Korean text, image, table image, image + text), then store, strategy. */
  private static Comparator<RunCell> readingOrder(List<RunCell> cells, Map<String, List<QueryRow>> queries) {
    Map<String, Integer> qsRank = new LinkedHashMap<>();
    for (RunCell c : cells) {
      List<QueryRow> rows = queries.getOrDefault(c.id().querySet(), List.of());
      qsRank.put(c.id().querySet(),
          rows.isEmpty() ? 100 : QuerySlices.rank(QuerySlices.slice(rows.get(0), c.id().querySet())));
    }
    return Comparator.<RunCell>comparingInt(c -> qsRank.get(c.id().querySet()))
        .thenComparing(c -> c.id().querySet()).thenComparing(c -> c.id().store())
        .thenComparing(c -> c.id().strategy())
        .thenComparing(c -> c.id().reranker() == null ? "" : c.id().reranker());
  }

  public boolean hasReranker() {
    return cells.stream().anyMatch(c -> c.id().reranker() != null);
  }

  /** Query sets in cell order. */
  public List<String> querySets() {
    Set<String> s = new LinkedHashSet<>();
    cells.forEach(c -> s.add(c.id().querySet()));
    return List.copyOf(s);
  }

  /** Stores in cell order. */
  public List<String> stores() {
    Set<String> s = new LinkedHashSet<>();
    cells.forEach(c -> s.add(c.id().store()));
    return List.copyOf(s);
  }

  /** One query of a query set, or null. */
  public QueryRow query(String querySet, String id) {
    for (QueryRow q : queries.getOrDefault(querySet, List.of())) {
      if (q.id().equals(id)) {
        return q;
      }
    }
    return null;
  }

  /** Judgments of one query (doc id → grade); empty when none. */
  public Map<String, Integer> judgments(String querySet, String queryId) {
    Qrels q = qrels.get(querySet);
    return q == null ? Map.of() : q.forQuery(queryId);
  }

  /** A cell's records by query id; empty when it has none. */
  public Map<String, QueryRecord> records(RunCell cell) {
    return records.getOrDefault(cell.cell(), Map.of());
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

  /** True when the dataset card or provenance marks the run as a synthetic fixture. */
  public boolean synthetic() {
    return card.path("synthetic").asBoolean(false) || provenance.path("synthetic").asBoolean(false);
  }

  /** The dataset's name from the card, else provenance, else the first cell. */
  public String datasetName() {
    String n = card.path("name").asText("");
    if (n.isEmpty()) {
      n = provenance.path("dataset").path("name").asText("");
    }
    if (n.isEmpty() && !cells.isEmpty()) {
      n = cells.get(0).id().dataset();
    }
    return n;
  }

  /** The run directory's own name. */
  public String name() {
    return String.valueOf(dir.getFileName());
  }

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
}
