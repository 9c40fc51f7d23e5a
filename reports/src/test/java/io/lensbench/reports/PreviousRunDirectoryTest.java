package io.lensbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.SearchHit;
import io.lensbench.datasets.Qrels;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QueryKind;
import io.lensbench.datasets.QuerySet;
import io.lensbench.eval.metrics.CellMetrics;
import io.lensbench.eval.metrics.ScoreOptions;
import io.lensbench.eval.metrics.Scoring;
import io.lensbench.eval.run.CellSources;
import io.lensbench.eval.run.MetricsFile;
import io.lensbench.eval.run.Parity;
import io.lensbench.eval.run.QueriesFile;
import io.lensbench.eval.run.QueryRecord;
import io.lensbench.eval.run.QueryRow;
import io.lensbench.eval.run.RunCell;
import io.lensbench.eval.run.RunDirectory;
import io.lensbench.eval.run.RunJson;
import io.lensbench.eval.stats.BootstrapOptions;
import io.lensbench.eval.trec.TrecQrelsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run directory written by an earlier build (path in -Dlensbench.previousRun) is read by the
 * current readers and renders a report; its runs/*.trec, metrics/*.json and parity.json are
 * written again from its records and compared byte for byte (parity.json rows now also name
 * their store pair). Runs only when the property is given.
 */
@EnabledIfSystemProperty(named = "lensbench.previousRun", matches = ".+",
    disabledReason = "needs -Dlensbench.previousRun=<run directory written by an earlier build>")
class PreviousRunDirectoryTest {
  @TempDir Path tmp;

  private static Path previous() {
    return Path.of(System.getProperty("lensbench.previousRun"));
  }

  @Test
  void isReadAndReported() throws Exception {
    Path dir = previous();
    RunData run = RunData.load(dir);
    assertTrue(run.cells().size() > 0);
    assertEquals(run.cells().size(), CellSources.runDirectory(dir).size());
    Path html = ReportWriter.write(dir, ReportOptions.defaults().withOut(tmp.resolve("report.html")));
    assertTrue(Files.size(html) > 10_000);
    System.out.printf("previous run %s: %d cells, %d with records, %d parity rows, report %,d bytes%n", dir,
        run.cells().size(), run.records().size(), run.parity().size(), Files.size(html));
  }

  @Test
  void filesAreWrittenAgainByteForByte() throws Exception {
    RunDirectory before = new RunDirectory(previous());
    RunDirectory after = new RunDirectory(tmp);
    long seed = RunJson.read(before.file("experiment.resolved.json")).path("seed").asLong(42);
    BootstrapOptions b = BootstrapOptions.defaults();
    ScoreOptions options = new ScoreOptions(ScoreOptions.defaults().eval(),
        new BootstrapOptions(b.resamples(), seed, b.level()), ScoreOptions.defaults().sliceBy());
    Map<String, QuerySet> querySets = new LinkedHashMap<>();
    Set<String> strategies = new LinkedHashSet<>();
    List<String> stores = new ArrayList<>();
    String dataset = null;
    String reranker = null;
    for (RunCell c : before.cells()) {
      QuerySet qs = querySets.computeIfAbsent(c.id().querySet(), name -> querySet(before, name));
      List<QueryRecord> records = new ArrayList<>(before.records(c.id()).values());
      after.writeCell(c.id(), qs.queries(), records);
      assertSameBytes(before.trecFile(c.id()), after.trecFile(c.id()));
      Map<String, List<SearchHit>> hits = new LinkedHashMap<>();
      records.forEach(r -> hits.put(r.query(), r.hits()));
      CellMetrics m = Scoring.score(qs.qrels(), hits, QueriesFile.attributes(before.queriesFile(qs.name())), options);
      MetricsFile.write(after.metricsFile(c.id()), m, c.cell());
      assertSameBytes(before.metricsFile(c.id()), after.metricsFile(c.id()));
      after.markDone(c.id());
      strategies.add(c.id().strategy());
      if (!stores.contains(c.id().store())) {
        stores.add(c.id().store());
      }
      dataset = c.id().dataset();
      reranker = c.id().reranker();
    }
    // the runner's order: strategies as in the experiment, query sets as the dataset lists them (as in parity.json)
    JsonNode experiment = RunJson.read(before.file("experiment.resolved.json"));
    JsonNode previousParity = RunJson.read(before.parityFile());
    List<String> strategyOrder = new ArrayList<>();
    experiment.path("strategies").forEach(s -> strategyOrder.add(s.path("id").asText()));
    assertEquals(strategies, new LinkedHashSet<>(strategyOrder));
    Map<String, QuerySet> qsOrder = new LinkedHashMap<>();
    previousParity.path("rows").forEach(r -> qsOrder.putIfAbsent(r.path("querySet").asText(), querySets.get(r.path("querySet").asText())));
    querySets.forEach(qsOrder::putIfAbsent);
    List<String> runStores = new ArrayList<>();
    experiment.path("stores").forEach(s -> runStores.add(s.path("name").asText()));
    Parity.write(after, dataset, List.copyOf(qsOrder.values()), strategyOrder, runStores, reranker,
        experiment.path("k").asInt(), previousParity.get("index"));
    String written = Files.readString(after.parityFile());
    String pairLine = "(?m)^ *\"stores\" : \\[ \"[^\"]+\", \"[^\"]+\" \\],\\n";
    String withoutPairs = written.replaceAll(pairLine, "");
    assertEquals(Files.readString(before.parityFile()), withoutPairs, "parity.json apart from the rows' store pairs");
    System.out.printf("byte-identical: %d runs/*.trec, %d metrics/*.json, parity.json (+ %d row store pairs)%n",
        querySets.isEmpty() ? 0 : before.cells().size(), before.cells().size(),
        written.split(pairLine, -1).length - 1);
  }

  private static QuerySet querySet(RunDirectory dir, String name) {
    List<Query> queries = new ArrayList<>();
    for (QueryRow q : QueriesFile.read(dir.queriesFile(name))) {
      queries.add(new Query(q.id(), QueryKind.parse(q.kind(), name), q.language(), q.text(), null, q.attributes(), Set.of()));
    }
    Qrels qrels = TrecQrelsReader.read(dir.qrelsFile(name));
    return new QuerySet(name, queries, qrels);
  }

  private static void assertSameBytes(Path expected, Path actual) throws Exception {
    assertTrue(java.util.Arrays.equals(Files.readAllBytes(expected), Files.readAllBytes(actual)),
        "differs from the earlier build: " + expected.getFileName());
  }
}
