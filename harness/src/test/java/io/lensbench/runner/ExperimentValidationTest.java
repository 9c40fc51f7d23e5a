package io.lensbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.core.ExitCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentValidationTest {
  private static final String MINIMAL =
      """
      schemaVersion: 1
      name: tiny
      dataset: {name: fashion}
      stores: [{name: milvus}, {name: opensearch}]
      strategies:
        - {type: joint}
        - {type: crossmodal}
        - {type: multivector, fusion: weighted, weights: {image: 2.0}}
      """;

  private static Experiment resolve(String yaml, Overrides o) {
    return ExperimentValidator.resolve(ExperimentReader.parse(yaml, "exp.yaml", false), o, "exp.yaml");
  }

  @Test
  void fillsEveryDefault() {
    Experiment e = resolve(MINIMAL, Overrides.NONE);
    assertEquals(1, e.schemaVersion());
    assertEquals(100, e.k());
    assertEquals(2, e.concurrency());
    assertEquals(42L, e.seed());
    assertEquals("runs/tiny", e.output());
    assertEquals("test", e.dataset().split());
    assertNull(e.stores().get(0).uri(), "from the environment, else the embedded store");
    assertEquals("flat", e.index().type());
    assertEquals(List.of("joint", "crossmodal-text-summary", "multivector-weighted"),
        e.strategies().stream().map(Experiment.StrategySpec::id).toList());
    Experiment.StrategySpec mv = e.strategies().get(2);
    assertEquals(60, mv.rrfK());
    assertEquals("min-max", mv.normalization());
    assertEquals(2.0, mv.weights().get("image"));
    assertEquals(ExperimentValidator.DEFAULT_TEXT_ENCODER, mv.textEncoder());
    assertNull(e.reranker());
  }

  @Test
  void multivectorFieldEncodersAreCheckedAndLeftOutWhenAbsent() throws Exception {
    Experiment e = resolve(MINIMAL.replace("weights: {image: 2.0}",
        "fieldEncoders: {name: use-multilingual-v3, summary: use-multilingual-v3}"), Overrides.NONE);
    assertEquals(java.util.Map.of("name", "use-multilingual-v3", "summary", "use-multilingual-v3"),
        e.strategies().get(2).fieldEncoders());
    String plain = ConfigHash.json(resolve(MINIMAL, Overrides.NONE));
    assertTrue(!plain.contains("fieldEncoders"), "absent: not in the resolved JSON");
    BadInputException x = assertThrows(BadInputException.class, () -> resolve(MINIMAL.replace(
        "weights: {image: 2.0}", "fieldEncoders: {text_en: use-multilingual-v3}"), Overrides.NONE));
    assertTrue(x.getMessage().contains("fieldEncoders: unknown field 'text_en'"), x.getMessage());
    x = assertThrows(BadInputException.class, () -> resolve(MINIMAL.replace("{type: joint}",
        "{type: joint, fieldEncoders: {name: x}}"), Overrides.NONE));
    assertTrue(x.getMessage().contains("key 'fieldEncoders' does not apply"), x.getMessage());
  }

  @Test
  void flagsOverrideFileValues() {
    Experiment e = resolve(MINIMAL + "k: 50\nconcurrency: 4\n",
        new Overrides("out/x", 20, 1, List.of("text-en"), List.of("joint"), List.of("opensearch"), 10, 5));
    assertEquals(20, e.k());
    assertEquals(1, e.concurrency());
    assertEquals("out/x", e.output());
    assertEquals(List.of("text-en"), e.querySets());
    assertEquals(List.of("joint"), e.strategies().stream().map(Experiment.StrategySpec::id).toList());
    assertEquals(List.of("opensearch"), e.stores().stream().map(Experiment.StoreSpec::name).toList());
    assertEquals(10, e.limits().items());
    assertEquals(5, e.limits().queriesPerSet());
  }

  @Test
  void jsonIsReadToo() {
    Experiment e = ExperimentReader.parse(
        "{\"schemaVersion\":1,\"dataset\":{\"name\":\"fashion\"},\"stores\":[{\"name\":\"milvus\"}],"
            + "\"strategies\":[{\"type\":\"joint\",\"withName\":true}]}", "exp.json", true);
    Experiment r = ExperimentValidator.resolve(e, Overrides.NONE, "exp.json");
    assertTrue(r.strategies().get(0).withName());
  }

  @Test
  void unknownTopLevelKeyNamesLineAndAlternatives() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> ExperimentReader.parse(MINIMAL + "concurency: 4\n", "exp.yaml", false));
    assertEquals(ExitCode.BAD_INPUT, e.exitCode());
    assertTrue(e.getMessage().startsWith("exp.yaml line 9, column "), e.getMessage());
    assertTrue(e.getMessage().contains("unknown key 'concurency' in the top level"), e.getMessage());
    assertTrue(e.getMessage().contains("concurrency"), e.getMessage());
  }

  @Test
  void unknownNestedKeyNamesItsPath() {
    String yaml = MINIMAL.replace("{type: joint}", "{type: joint, fuson: rrf}");
    BadInputException e = assertThrows(BadInputException.class,
        () -> ExperimentReader.parse(yaml, "exp.yaml", false));
    assertTrue(e.getMessage().contains("line 6"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown key 'fuson' in strategies[0]"), e.getMessage());
  }

  @Test
  void unknownStrategyTypeIsRejected() {
    String yaml = MINIMAL.replace("{type: joint}", "{type: colbert}");
    BadInputException e = assertThrows(BadInputException.class, () -> resolve(yaml, Overrides.NONE));
    assertEquals(ExitCode.BAD_INPUT, e.exitCode());
    assertTrue(e.getMessage().contains(
        "strategies[0].type: unknown strategy 'colbert' (expected one of joint, crossmodal, multivector)"),
        e.getMessage());
  }

  @Test
  void keyThatDoesNotApplyToTheTypeIsRejected() {
    String yaml = MINIMAL.replace("{type: joint}", "{type: joint, fusion: rrf}");
    BadInputException e = assertThrows(BadInputException.class, () -> resolve(yaml, Overrides.NONE));
    assertTrue(e.getMessage().contains(
        "strategies[0]: key 'fusion' does not apply to strategy type 'joint' (it takes [jointEncoder, withName])"),
        e.getMessage());
  }

  @Test
  void collectsEveryProblemAtOnce() {
    String yaml =
        """
        schemaVersion: 2
        dataset: {name: fashion, split: train}
        stores: [{name: elastic}]
        strategies:
          - {type: multivector, fusion: borda, weights: {colour: 1.0}}
        k: 0
        """;
    BadInputException e = assertThrows(BadInputException.class, () -> resolve(yaml, Overrides.NONE));
    String m = e.getMessage();
    assertTrue(m.contains("schemaVersion: expected 1, found 2"), m);
    assertTrue(m.contains("dataset.split: expected 'test' or 'all', found 'train'"), m);
    assertTrue(m.contains("stores[0].name: expected 'milvus' or 'opensearch', found 'elastic'"), m);
    assertTrue(m.contains("unknown fusion 'borda'"), m);
    assertTrue(m.contains("weights: unknown field 'colour'"), m);
    assertTrue(m.contains("k: expected 1..10000, found 0"), m);
  }

  @Test
  void duplicateStrategyIdsAndMissingSchemaVersion() {
    String yaml = MINIMAL.replace("schemaVersion: 1\n", "")
        .replace("{type: crossmodal}", "{type: crossmodal, id: joint}");
    BadInputException e = assertThrows(BadInputException.class, () -> resolve(yaml, Overrides.NONE));
    assertTrue(e.getMessage().contains("schemaVersion: missing (expected 1)"), e.getMessage());
    assertTrue(e.getMessage().contains("id 'joint' is used twice"), e.getMessage());
  }

  @Test
  void wrongValueTypeNamesPathAndExpectation() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> ExperimentReader.parse(MINIMAL + "k: many\n", "exp.yaml", false));
    assertTrue(e.getMessage().contains("line 9"), e.getMessage());
    assertTrue(e.getMessage().contains("k: expected an integer, found 'many'"), e.getMessage());
  }

  @Test
  void overrideNamingAMissingStrategyIsRejected() {
    BadInputException e = assertThrows(BadInputException.class, () -> resolve(MINIMAL,
        new Overrides(null, null, null, null, List.of("colbert"), null, null, null)));
    assertTrue(e.getMessage().contains("--strategies: strategy 'colbert' is not in the experiment"),
        e.getMessage());
  }

  @Test
  void demoExperimentIsValidAndCoversEveryStrategyTypeAndBothStores() {
    java.nio.file.Path demo = java.nio.file.Path.of("..", "experiments", "demo.yaml");
    assertTrue(java.nio.file.Files.exists(demo), "precondition: " + demo.toAbsolutePath() + " exists");
    Experiment e = ExperimentValidator.resolve(ExperimentReader.read(demo), Overrides.NONE, demo.toString());
    assertEquals(List.of("milvus", "opensearch"), e.stores().stream().map(Experiment.StoreSpec::name).toList());
    assertEquals(java.util.Set.of("joint", "crossmodal", "multivector"),
        e.strategies().stream().map(Experiment.StrategySpec::type).collect(java.util.stream.Collectors.toSet()));
    assertEquals(java.util.Set.of("rrf", "weighted", "native-rrf", "native-weighted"),
        e.strategies().stream().filter(s -> s.type().equals("multivector"))
            .map(Experiment.StrategySpec::fusion).collect(java.util.stream.Collectors.toSet()));
    assertTrue(e.querySets().isEmpty(), "demo runs every query set");
  }

  @Test
  void rerankerKeepsItsOwnKeysAndGetsDefaults() {
    Experiment e = resolve(MINIMAL + "k: 50\nreranker: {type: llm-listwise, endpoint: {baseUrl: 'http://127.0.0.1:1'}}\n",
        Overrides.NONE);
    Experiment.RerankerSpec r = e.rerankerSpec();
    assertEquals("llm-listwise", r.id());
    assertEquals(20, r.topN());
    assertTrue(r.config().containsKey("endpoint"));
    BadInputException x = assertThrows(BadInputException.class,
        () -> resolve(MINIMAL + "k: 10\nreranker: {type: encoder-text, topN: 30}\n", Overrides.NONE));
    assertTrue(x.getMessage().contains("reranker.topN: expected an integer 1..k (10), found 30"), x.getMessage());
  }

  @Test
  void hnswNeedsEfSearchAtLeastK() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> resolve(MINIMAL + "k: 100\nindex: {type: hnsw, efSearch: 50}\n", Overrides.NONE));
    assertTrue(e.getMessage().contains("index.efSearch: must be >= k (100), found 50"), e.getMessage());
  }
}
