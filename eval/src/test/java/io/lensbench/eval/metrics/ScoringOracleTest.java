package io.lensbench.eval.metrics;

import io.lensbench.testkit.TrecEvalOracle;
import io.lensbench.testkit.RandomTrecData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.datasets.Qrels;
import io.lensbench.eval.treceval.CFormat;
import io.lensbench.eval.trec.TrecQrelsWriter;
import io.lensbench.eval.run.MetricsFile;
import io.lensbench.eval.trec.TrecRunWriter;
import io.lensbench.core.SearchHit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's API ({@link Scoring#score}) and its metrics/<cell>.json agree with trec_eval -c
 * run on the TREC files the runner would write (TrecRunWriter, TrecQrelsWriter).
 */
class ScoringOracleTest {
  static TrecEvalOracle oracle;
  @TempDir Path dir;

  @BeforeAll
  static void extract() throws Exception {
    oracle = TrecEvalOracle.extract();
  }

  static final Map<String, String> TREC_TO_KEY = Map.of(
      "recall_", "recall_at_", "P_", "precision_at_", "success_", "success_at_",
      "ndcg_cut_", "ndcg_at_", "map_cut_", "map_at_");

  static String keyOf(String trecName) {
    switch (trecName) {
      case "recip_rank": return "mrr";
      case "ndcg": return "ndcg";
      case "map": return "map";
      default:
        for (Map.Entry<String, String> e : TREC_TO_KEY.entrySet()) {
          if (trecName.startsWith(e.getKey()) && trecName.substring(e.getKey().length())
              .matches("[0-9]+")) {
            return e.getValue() + trecName.substring(e.getKey().length());
          }
        }
        return null;
    }
  }

  @Test
  void metricsJsonEqualsTrecEvalOnTheWrittenFiles() throws Exception {
    for (long seed = 500; seed < 510; seed++) {
      RandomTrecData data = new RandomTrecData(seed);
      Map<String, Map<String, Integer>> q = new LinkedHashMap<>();
      for (String l : data.qrelsLines) {
        String[] f = l.split(" ");
        q.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[2], Integer.parseInt(f[3]));
      }
      Map<String, List<SearchHit>> hits = new LinkedHashMap<>();
      for (String l : data.runLines) {
        String[] f = l.split(" ");
        hits.computeIfAbsent(f[0], k -> new ArrayList<>())
            .add(new SearchHit(f[2], Double.parseDouble(f[4])));
      }
      Map<String, Map<String, String>> attrs = new HashMap<>();
      int i = 0;
      for (String qid : q.keySet()) {
        attrs.put(qid, Map.of("kind", i++ % 3 == 0 ? "image" : "text", "language", "en"));
      }
      CellMetrics m = Scoring.score(new Qrels(q), hits, attrs, ScoreOptions.defaults());
      JsonNode json = new ObjectMapper().readTree(MetricsFile.toJson(m, "d.qs.s.milvus"));

      Path qf = dir.resolve("q" + seed);
      Path rf = dir.resolve("r" + seed);
      TrecQrelsWriter.write(qf, new Qrels(q));
      TrecRunWriter.write(rf, "d.qs.s.milvus", hits);
      TrecEvalOracle.Result r = oracle.run(List.of("-q", "-c", "-m", "P.1,5,10,20,100",
          "-m", "recall.1,5,10,20,100", "-m", "success.1,5,10,20,100", "-m", "recip_rank",
          "-m", "ndcg", "-m", "ndcg_cut.1,5,10,20,100", "-m", "map", "-m",
          "map_cut.1,5,10,20,100", qf.toString(), rf.toString()));
      assertEquals(0, r.exitCode(), r.stderr());
      int compared = 0;
      for (String line : r.stdout().split("\n")) {
        String[] f = line.split("\t");
        String key = keyOf(f[0].trim());
        if (key == null) {
          continue;
        }
        JsonNode v = f[1].equals("all") ? json.get("summary").get(key).get("mean")
            : json.get("perQuery").get(f[1]).get(key);
        assertEquals(f[2], CFormat.fixed(v.asDouble(), 4), "seed " + seed + " " + line);
        compared++;
      }
      assertTrue(compared > 30, "compared " + compared);
      assertEquals("d", json.get("dataset").asText());
      assertEquals("milvus", json.get("store").asText());
      int sliced = json.at("/slices/kind=text/numQueries").asInt(0)
          + json.at("/slices/kind=image/numQueries").asInt(0);
      assertEquals(q.size(), sliced, "every query is in one kind slice");
      assertEquals(q.size(), json.get("numQueries").asInt());
      JsonNode ci = json.at("/summary/recall_at_10");
      assertTrue(ci.get("ciLow").asDouble() <= ci.get("mean").asDouble() + 1e-12
          && ci.get("mean").asDouble() <= ci.get("ciHigh").asDouble() + 1e-12, ci.toString());
    }
  }
}
