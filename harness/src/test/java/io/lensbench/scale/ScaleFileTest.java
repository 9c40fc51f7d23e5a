package io.lensbench.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Scale plans: store selection, the search budget key, and joining runs of one store each. */
class ScaleFileTest {
  private static final String PLAN = """
      dataset: fashion
      strategy: joint
      querySet: image
      searchBudgetSeconds: 120
      quick: {steps: [10k]}
      full: {steps: [10k, 1M]}
      stores:
        milvus:
          - {type: hnsw, M: [16], efConstruction: 100, ef: [16, 64]}
        opensearch:
          - {type: hnsw, M: [16], efConstruction: 100, ef: [16]}
      """;

  @Test
  void storesCanBeSelectedAndAnUnknownOneIsRefused() {
    ScaleFile.Plan p = ScaleFile.parse(PLAN, "plan.yaml", false);
    assertEquals(120, p.settings().searchBudgetSeconds());
    assertEquals(List.of(10_000L, 1_000_000L), p.settings().steps());
    ScaleFile.Plan only = p.withStores(List.of("opensearch"));
    assertEquals(List.of("opensearch"), only.settings().stores());
    assertEquals(List.of("opensearch"), only.experiment().stores().stream().map(s -> s.name()).toList());
    assertEquals(List.of("opensearch"), List.copyOf(only.settings().sweeps().keySet()));
    BadInputException e = assertThrows(BadInputException.class, () -> p.withStores(List.of("milvus-lite")));
    assertTrue(e.getMessage().contains("'milvus-lite'") && e.getMessage().contains("[milvus, opensearch]"), e.getMessage());
  }

  @Test
  void aPlanMaySweepSeveralStrategiesButNotNameThemTwice() {
    String two = PLAN.replace("strategy: joint\n",
        "strategies: [{id: joint, type: joint}, {id: caption, type: crossmodal, captioner: text-summary}]\n");
    ScaleFile.Plan p = ScaleFile.parse(two, "plan.yaml", false);
    assertEquals(List.of("joint", "caption"), p.settings().strategies());
    assertEquals(List.of("joint", "caption"), p.experiment().strategies().stream().map(s -> s.id()).toList());
    assertEquals(List.of("joint"), ScaleFile.parse(PLAN, "plan.yaml", false).settings().strategies());
    BadInputException both = assertThrows(BadInputException.class,
        () -> ScaleFile.parse(two.replace("querySet:", "strategy: joint\nquerySet:"), "plan.yaml", false));
    assertTrue(both.getMessage().contains("either 'strategies' or 'strategy'"), both.getMessage());
    BadInputException notAList = assertThrows(BadInputException.class,
        () -> ScaleFile.parse(PLAN.replace("strategy: joint\n", "strategies: joint\n"), "plan.yaml", false));
    assertTrue(notAList.getMessage().contains("plan.yaml.strategies: expected a list of strategy mappings"),
        notAList.getMessage());
  }

  @Test
  void aBadBudgetIsRefusedNamingTheKey() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> ScaleFile.parse(PLAN.replace("searchBudgetSeconds: 120", "searchBudgetSeconds: -5"), "plan.yaml", false));
    assertTrue(e.getMessage().contains("plan.yaml.searchBudgetSeconds"), e.getMessage());
  }

  private static Map<String, Object> step(long items, String jvm, String... stores) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("items", items);
    s.put("jvm", Map.of("peakRssBytes", jvm));
    s.put("rows", java.util.Arrays.stream(stores).map(st -> (Map<String, Object>) new LinkedHashMap<String, Object>(
        Map.of("store", st, "search", "flat", "from", jvm))).toList());
    return s;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Map<String, Object> step) {
    return (List<Map<String, Object>>) step.get("rows");
  }

  @Test
  void runsOfOneStoreEachAddUpToOneTableBySize() {
    List<Map<String, Object>> earlier = List.of(step(10_000, "run1", "milvus"), step(1_000_000, "run1", "milvus"));
    List<Map<String, Object>> now = List.of(step(1_000_000, "run2", "opensearch"));
    List<Map<String, Object>> all = ScaleFile.joined(earlier, now);
    assertEquals(List.of(10_000L, 1_000_000L), all.stream().map(s -> ((Number) s.get("items")).longValue()).toList());
    Map<String, Object> big = all.get(1);
    assertEquals(List.of("milvus", "opensearch"), rows(big).stream().map(r -> r.get("store")).toList());
    assertEquals(Map.of("peakRssBytes", "run1"), rows(big).get(0).get("jvm")); // a kept row keeps its run's JVM
    assertEquals(Map.of("peakRssBytes", "run2"), big.get("jvm"));
    assertEquals(new TreeSet<>(List.of("milvus")), big.get("rowsJoinedFrom"));
    assertEquals(List.of("milvus"), rows(all.get(0)).stream().map(r -> r.get("store")).toList());
  }

  @Test
  void aStoreMeasuredAgainReplacesItsEarlierRows() {
    List<Map<String, Object>> all = ScaleFile.joined(List.of(step(10_000, "run1", "milvus", "opensearch")),
        List.of(step(10_000, "run2", "milvus")));
    assertEquals(1, all.size());
    assertEquals(List.of("opensearch|run1", "milvus|run2"),
        rows(all.get(0)).stream().map(r -> r.get("store") + "|" + r.get("from")).toList());
  }
}
