package io.lensbench.eval.run;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Ranking;
import io.lensbench.core.SearchHit;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QuerySet;
import io.lensbench.eval.metrics.ScoredCell;
import io.lensbench.eval.trec.TrecQrelsWriter;
import io.lensbench.eval.trec.TrecRun;
import io.lensbench.eval.trec.TrecRunReader;
import io.lensbench.eval.trec.TrecRunWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The layout of a run directory (docs/run-directory.md) and the per-cell files in it: where each
 * file lives, how the runner writes a cell and how readers get it back.
 */
public final class RunDirectory {
  private final Path root;

  public RunDirectory(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path file(String name) {
    return root.resolve(name);
  }

  public Path trecFile(CellId cell) {
    return root.resolve("runs").resolve(cell + ".trec");
  }

  public Path recordsFile(CellId cell) {
    return root.resolve("records").resolve(cell + ".jsonl");
  }

  public Path metricsFile(CellId cell) {
    return root.resolve("metrics").resolve(cell + ".json");
  }

  public Path queriesFile(String querySet) {
    return root.resolve("queries").resolve(querySet + ".jsonl");
  }

  public Path qrelsFile(String querySet) {
    return root.resolve("qrels").resolve(querySet + ".qrels");
  }

  public Path itemsFile() {
    return root.resolve("items.jsonl");
  }

  public Path parityFile() {
    return root.resolve("parity.json");
  }

  private Path doneMarker(CellId cell) {
    return root.resolve("cells").resolve(cell + ".done");
  }

  /** True when the cell finished (its marker is written last). */
  public boolean isDone(CellId cell) {
    return Files.exists(doneMarker(cell));
  }

  /** Marks a cell finished; its files must be complete by now. */
  public void markDone(CellId cell) {
    RunJson.writeString(doneMarker(cell), Instant.now() + "\n");
  }

  /** queries/&lt;qs&gt;.jsonl and qrels/&lt;qs&gt;.qrels of one query set. */
  public void writeQuerySet(QuerySet qs) {
    RunJson.writeString(queriesFile(qs.name()), QueriesFile.format(qs));
    RunJson.writeString(qrelsFile(qs.name()), TrecQrelsWriter.format(qs.qrels()));
  }

  /** items.jsonl; {@code displayName} names each item. */
  public void writeItems(List<Item> items, Function<Item, String> displayName) {
    RunJson.writeString(itemsFile(), ItemsFile.format(items, displayName));
  }

  /** runs/&lt;cell&gt;.trec (queries in query-set order, tag = cell id) and records/&lt;cell&gt;.jsonl. */
  public void writeCell(CellId cell, List<Query> queries, List<QueryRecord> records) {
    Map<String, List<SearchHit>> byQuery = new LinkedHashMap<>();
    records.forEach(r -> byQuery.put(r.query(), r.hits()));
    Map<String, List<SearchHit>> ordered = new LinkedHashMap<>();
    queries.forEach(q -> ordered.put(q.id(), byQuery.getOrDefault(q.id(), List.of())));
    RunJson.writeString(trecFile(cell), TrecRunWriter.format(cell.toString(), ordered));
    RunJson.writeString(recordsFile(cell), RecordsFile.format(records));
  }

  /**
   * A cell's records: records/&lt;cell&gt;.jsonl, else its TREC run (hits in trec_eval's order,
   * no timings, no rerank data), else none.
   */
  public Map<String, QueryRecord> records(CellId cell) {
    if (Files.isRegularFile(recordsFile(cell))) {
      return RecordsFile.read(recordsFile(cell));
    }
    Map<String, QueryRecord> out = new LinkedHashMap<>();
    if (Files.isRegularFile(trecFile(cell))) {
      TrecRun run = TrecRunReader.read(trecFile(cell));
      run.rankings().forEach((q, r) -> {
        List<SearchHit> hits = new ArrayList<>(r.size());
        for (int i = 0; i < r.size(); i++) {
          hits.add(new SearchHit(r.docId(i), r.score(i)));
        }
        out.put(q, new QueryRecord(q, Ranking.sortAndCut(hits, 0), null, null, null));
      });
    }
    return out;
  }

  /** Summary means of a scored cell by machine key; empty when the cell has no metrics yet. */
  public Map<String, Double> means(CellId cell) {
    Path f = metricsFile(cell);
    return Files.exists(f) ? MetricsFile.read(f).means() : Map.of();
  }

  /** Every metrics/*.json, sorted by name; bad input when there is none. */
  public List<Path> metricsFiles() {
    Path dir = root.resolve("metrics");
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
            .sorted().forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir, e);
      }
    }
    if (files.isEmpty()) {
      throw new BadInputException(String.format(Locale.ROOT,
          "%s: not a scored run directory (expected metrics/<cell>.json files, one per cell, "
              + "see docs/run-directory.md; found none)", root));
    }
    return files;
  }

  /** Every scored cell, named by its cell id; an id of another shape is bad input. */
  public List<RunCell> cells() {
    List<RunCell> out = new ArrayList<>();
    for (Path f : metricsFiles()) {
      ScoredCell c = MetricsFile.read(f);
      CellId id = CellId.tryParse(c.cell()).orElseThrow(() -> new BadInputException(String.format(
          Locale.ROOT, "%s: expected a cell id <dataset>.<queryset>.<strategy>.<store>[.<reranker>], found '%s'",
          f, c.cell())));
      out.add(new RunCell(id, c));
    }
    return out;
  }
}
