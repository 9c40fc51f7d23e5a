package io.lensbench.encoders.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.BadInputException;
import io.lensbench.core.InfrastructureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prepared pretrained models: {@code <home>/models/pretrained/<sha12 of the recipe>/} holding
 * {@code manifest.json}, {@code use-multilingual-v3/} and {@code efficientnet-lite0/} (each with
 * its {@code model_card.json}), written by {@link ModelPreparation}. Never committed; a changed
 * recipe (scripts or pins) prepares into a new folder.
 */
public record PretrainedModels(Path dir) {
  public static final String USE = "use-multilingual-v3";
  public static final String EFFICIENTNET = "efficientnet-lite0";
  static final String MANIFEST = "manifest.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where this build's recipe prepares into under the LensBench home. */
  public static PretrainedModels at(Path home) {
    String recipe = PreparationScripts.load().fingerprint().substring(0, 12);
    return new PretrainedModels(home.resolve("models").resolve("pretrained").resolve(recipe));
  }

  /** The prepared models under home, or exit 3 telling how to prepare them. */
  public static PretrainedModels require(Path home) {
    PretrainedModels m = at(home);
    if (!m.isComplete()) {
      throw new InfrastructureException("pretrained models: expected them prepared in " + m.dir()
          + ", found " + (Files.isDirectory(m.dir()) ? "an incomplete folder" : "nothing")
          + " (run: lensbench models prepare)");
    }
    return m;
  }

  /**
   * True when the manifest is there and every file it lists has its recorded size (hashes are
   * checked by the preparation itself, and weights are fingerprinted when a model opens).
   */
  public boolean isComplete() {
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      return false;
    }
    try {
      JsonNode files = JSON.readTree(manifest.toFile()).path("files");
      if (!files.isObject() || files.isEmpty()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        Path p = dir.resolve(f.getKey());
        if (!Files.isRegularFile(p) || Files.size(p) != f.getValue().path("size").asLong(-1)) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A model's folder, e.g. {@code model(USE)}. */
  public Path model(String name) {
    return dir.resolve(name);
  }

  /** A model's card (model_card.json) as a map, for run provenance. */
  public Map<String, Object> card(String name) {
    Path file = model(name).resolve("model_card.json");
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> card = JSON.readValue(file.toFile(), LinkedHashMap.class);
      return card;
    } catch (IOException e) {
      throw new BadInputException("model card " + file + ": expected JSON written by lensbench"
          + " models prepare, found " + e.getMessage(), e);
    }
  }
}
