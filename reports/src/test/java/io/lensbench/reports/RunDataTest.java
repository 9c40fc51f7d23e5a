package io.lensbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.core.SearchHit;
import io.lensbench.eval.run.RunCell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDataTest {
  @TempDir Path tmp;

  private Path minimalRun() throws Exception {
    Path run = tmp.resolve("run");
    Files.createDirectories(run.resolve("metrics"));
    Files.createDirectories(run.resolve("runs"));
    Files.createDirectories(run.resolve("qrels"));
    Files.writeString(run.resolve("metrics/fashion.text-en.bm25.opensearch.json"),
        "{\"summary\":{\"ndcg_at_10\":0.5,\"mrr\":{\"mean\":0.4,\"ciLow\":0.3,\"ciHigh\":0.5}},"
            + "\"perQuery\":{\"q1\":{\"ndcg_at_10\":0.5}}}");
    // ranks deliberately out of file order
    Files.writeString(run.resolve("runs/fashion.text-en.bm25.opensearch.trec"),
        "q1 Q0 d2 2 0.5 t\nq1 Q0 d1 1 0.9 t\nq2 Q0 d3 1 0.7 t\n");
    Files.writeString(run.resolve("qrels/text-en.qrels"), "q1 0 d1 2\nq1 0 d9 0\n");
    return run;
  }

  @Test
  void derivesCellFieldsFromIdAndFallsBackToTrecRun() throws Exception {
    RunData d = RunData.load(minimalRun());
    RunCell c = d.cells().get(0);
    assertEquals("text-en", c.id().querySet());
    assertEquals("bm25", c.id().strategy());
    assertEquals("opensearch", c.id().store());
    assertNull(c.id().reranker());
    assertEquals(0.5, c.mean("ndcg_at_10"));
    assertTrue(c.scores().summary().ci("mrr").isDefined());
    List<SearchHit> hits = d.records().get(c.cell()).get("q1").hits();
    assertEquals(List.of("d1", "d2"), hits.stream().map(SearchHit::id).toList(), "sorted by score, as trec_eval");
    assertEquals(2, d.judgments("text-en", "q1").get("d1"));
    assertTrue(d.provenance().isMissingNode(), "optional files may be absent");
    // a report renders even from this bare directory
    Path html = ReportWriter.write(d.dir(), ReportOptions.defaults().withOut(tmp.resolve("out/r.html")));
    assertTrue(Files.size(html) > 1000);
    assertTrue(Files.isRegularFile(tmp.resolve("out/tables/overview.csv")), "tables next to --out");
  }

  @Test
  void readsTheRunnersParityForm() throws Exception {
    Path run = minimalRun();
    Files.writeString(run.resolve("parity.json"), "{\"stores\":[\"milvus\",\"opensearch\"],\"rows\":[{\"strategy\":\"bm25\","
        + "\"querySet\":\"text-en\",\"numQueries\":5,\"overlap_at_1\":1.0,\"overlap_at_10\":0.84,\"overlap_at_100\":0.9}]}");
    ReportTable t = new ParitySummary(RunData.load(run).parity()).table();
    assertEquals(List.of(List.of("bm25", "text-en", "milvus", "opensearch", 10, 0.84, 5)), t.rows());
  }

  @Test
  void fallsBackToAnAvailableMetric() throws Exception {
    Path run = minimalRun();
    Files.writeString(run.resolve("metrics/fashion.text-en.bm25.opensearch.json"),
        "{\"summary\":{\"mrr\":0.4},\"perQuery\":{\"q1\":{\"mrr\":0.5}}}");
    String page = Files.readString(ReportWriter.write(run, ReportOptions.defaults()));
    assertTrue(page.contains("Per-query drill-down"));
    assertTrue(page.contains("MRR per slice"), "slices use MRR when nDCG@10 is absent");
  }

  @Test
  void malformedQrelsNameFileAndLine() throws Exception {
    Path run = minimalRun();
    Files.writeString(run.resolve("qrels/text-en.qrels"), "q1 0 d1 2\nq1 0 d2 high\n");
    BadInputException e = assertThrows(BadInputException.class, () -> RunData.load(run));
    assertTrue(e.getMessage().contains("text-en.qrels line 2"), e.getMessage());
    assertTrue(e.getMessage().contains("expected an integer grade, found 'high'"), e.getMessage());
  }

  @Test
  void malformedRecordsNameFileAndLine() throws Exception {
    Path run = minimalRun();
    Files.createDirectories(run.resolve("records"));
    Files.writeString(run.resolve("records/fashion.text-en.bm25.opensearch.jsonl"), "{\"query\":\"q1\",\"hits\":[]}\n{oops\n");
    BadInputException e = assertThrows(BadInputException.class, () -> RunData.load(run));
    assertTrue(e.getMessage().contains("fashion.text-en.bm25.opensearch.jsonl line 2"), e.getMessage());
  }
}
