package io.lensbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.eval.run.RunJson;
import io.lensbench.reports.ScalePage;
import io.lensbench.scale.ScaleFile;
import io.lensbench.scale.ScaleResults;
import io.lensbench.scale.ScaleRun;
import io.lensbench.scale.StoreServer;
import io.lensbench.stores.embedded.EmbeddedStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench scale} end to end on the three real embedded stores, at two small sizes and two
 * strategies: the dataset grown with vector-model distractors, every store's sweep built, searched and measured,
 * FLAT the exact reference, the footprint read from each engine, the fits, fronts and page made.
 */
class ScaleRunEndToEndTest {
  @TempDir static Path tmp;

  @Test
  @SuppressWarnings("unchecked")
  void twoSizesOnEveryStore() throws Exception {
    EmbeddedStores.Endpoints endpoints = EndToEndFixture.stores();
    Path data = EndToEndFixture.buildDataset(tmp.resolve("fashion"), 3);
    Path joint = EndToEndFixture.trainJoint(data, tmp.resolve("joint"), 1);
    Path planFile = tmp.resolve("plan.yaml");
    Files.writeString(planFile, String.join("\n",
        "dataset: fashion", "querySet: image",
        "strategies: [{id: joint, type: joint}, {id: caption, type: crossmodal, captioner: text-summary}]", "k: 10", "rounds: 1", "batchSize: 300",
        "searchBudgetSeconds: 60",
        "quick: {steps: [1k, 2k]}", "full: {steps: [1k, 2k]}",
        "stores:",
        "  milvus:",
        "    - {type: hnsw, M: [8], efConstruction: 64, ef: [16, 64]}",
        "    - {type: ivf_flat, nlist: [16], nprobe: [2, 16]}",
        "  opensearch:",
        "    - {type: hnsw, M: [8], efConstruction: 64, ef: [16, 64]}",
        "  milvus-lite:",
        "    - {type: hnsw, M: [8], efConstruction: 64, ef: [16]}", ""));
    ScaleFile.Plan plan = ScaleFile.read(planFile, true);
    Path exp = tmp.resolve("base.yaml");
    Files.writeString(exp, String.join("\n",
        "schemaVersion: 1", "name: scale-e2e",
        "dataset: {name: fashion, path: '" + data + "', split: test}",
        "querySets: [image]",
        "stores:",
        "  - {name: milvus, uri: '" + endpoints.milvusUri() + "'}",
        "  - {name: opensearch, uri: '" + endpoints.openSearchUrl() + "'}",
        "  - {name: milvus-lite, uri: '" + endpoints.milvusLiteUri() + "'}",
        "models: {joint: '" + joint + "'}",
        "index: {type: flat}",
        "strategies:", "  - {id: joint, type: joint}",
        "  - {id: caption, type: crossmodal, captioner: text-summary}",
        "k: 10", "batchSize: 300", "output: '" + tmp.resolve("unused") + "'", ""));
    Experiment base = ExperimentValidator.resolve(ExperimentReader.read(exp), Overrides.NONE, exp.toString());

    List<Integer> handedOver = new java.util.ArrayList<>();
    List<Map<String, Object>> steps = new ScaleRun(base, plan.settings(), Environment.system(),
        StoreServer.ofEmbeddedStores(), System.err).run(done -> handedOver.add(done.size()));
    assertEquals(List.of(1, 2), handedOver, "the steps so far are handed over after each size (scale.json kept current)");

    assertEquals(List.of(1_000L, 2_000L), steps.stream().map(s -> ((Number) s.get("items")).longValue()).toList());
    for (Map<String, Object> step : steps) {
      long items = ((Number) step.get("items")).longValue();
      int queries = ((Number) step.get("queries")).intValue();
      assertTrue(queries > 0, "queries of the image set");
      assertEquals("vector-model", step.get("distractorMode"));
      long distractors = ((Number) step.get("distractors")).longValue();
      assertTrue(distractors > 0 && distractors < items, "distractors " + distractors + " of " + items);
      Map<String, Object> jvm = (Map<String, Object>) step.get("jvm");
      assertTrue(((Number) jvm.get("peakRssBytes")).longValue() > 0, "the JVM's peak RSS: " + jvm);
      List<Map<String, Object>> rows = (List<Map<String, Object>>) step.get("rows");
      // per strategy: FLAT + 2 hnsw + 2 ivf on milvus, FLAT + 2 hnsw on opensearch, FLAT + 1 hnsw on milvus-lite
      assertEquals(2 * 10, rows.size(), rows.toString());
      Set<String> stores = new HashSet<>();
      Set<String> strategies = new HashSet<>();
      for (Map<String, Object> row : rows) {
        String what = row.get("store") + " " + row.get("search") + " at " + items;
        stores.add((String) row.get("store"));
        strategies.add((String) row.get("strategy"));
        assertTrue(!row.containsKey("error"), what + ": " + row.get("error"));
        assertEquals(items, ((Number) row.get("items")).longValue(), what);
        assertEquals(queries, ((Number) row.get("searches")).intValue(), what + ": one round, no truncation");
        double ann = ((Number) row.get("annRecallAtK")).doubleValue();
        if ("flat".equals(row.get("index"))) {
          assertEquals(1.0, ann, 1e-9, what + " is its own exact reference");
        } else {
          assertTrue(ann > 0 && ann <= 1, what + " ANN recall " + ann);
        }
        double p50 = ((Number) row.get("p50Ms")).doubleValue();
        double p99 = ((Number) row.get("p99Ms")).doubleValue();
        assertTrue(p50 > 0 && p99 >= p50, what + " p50 " + p50 + " p99 " + p99);
        Map<String, Object> footprint = (Map<String, Object>) row.get("footprint");
        assertNotNull(footprint, what);
        assertTrue(footprint.get("diskBytes") instanceof Number d && d.longValue() > 0,
            what + " index size on disk: " + footprint);
      }
      assertEquals(Set.of("milvus", "opensearch", "milvus-lite"), stores);
      assertEquals(Set.of("joint", "caption"), strategies);
    }

    List<Map<String, Object>> growth = ScaleResults.growth(steps);
    assertTrue(growth.stream().anyMatch(g -> "milvus".equals(g.get("store")) && "caption".equals(g.get("strategy"))
        && "flat".equals(g.get("search"))
        && "buildSeconds".equals(g.get("measure")) && ((Number) g.get("points")).intValue() == 2), growth.toString());
    List<Map<String, Object>> fronts = ScaleResults.fronts(steps);
    assertEquals(3 * 2, fronts.size(), "a front per store and strategy: " + fronts);
    for (Map<String, Object> f : fronts) {
      assertEquals(2_000L, ((Number) f.get("items")).longValue(), f.toString());
      assertTrue(!((List<?>) f.get("front")).isEmpty(), f.toString());
    }

    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("profile", "quick");
    doc.put("settings", plan.settings().toJson());
    doc.put("steps", steps);
    doc.put("growth", growth);
    doc.put("fronts", fronts);
    Path json = tmp.resolve("scale.json");
    RunJson.writeJson(json, doc);
    String html = ScalePage.html(RunJson.read(json));
    for (String section : List.of("id=\"scale-growth\"", "id=\"scale-pareto\"", "milvus-lite · caption", "distractor")) {
      assertTrue(html.contains(section), "scale page lacks " + section);
    }
    assertTrue(!html.contains("<script"), "the page runs no script");
  }
}
