package io.lensbench.encoders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.BadInputException;
import io.lensbench.core.LensBenchHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Opens text encoders by id or folder.
 *
 * <ul>
 *   <li>{@code all-minilm-l6-v2-q} (default): quantized all-MiniLM-L6-v2, mean pooling, 384-d
 *   <li>{@code bge-small-en-v1.5-q}: quantized bge-small-en-v1.5, CLS pooling, 384-d
 *   <li>{@code e5-small-v2}: e5-small-v2, mean pooling, "query: "/"passage: " prefixes, 384-d
 *   <li>a folder with {@code model.onnx} + {@code tokenizer.json} (+ optional {@code
 *       lensbench-encoder.json}, see docs/encoders.md)
 * </ul>
 *
 * The built-in models ship as langchain4j Maven jars; their .onnx and tokenizer.json are
 * extracted once into {@code LensBenchHome/cache/models/<id>-<sha12>/}.
 */
public final class TextEncoders {
  public static final String DEFAULT_ID = "all-minilm-l6-v2-q";

  /** Built-in model: resource names inside its jar plus pooling and prefixes. */
  private record Builtin(String onnx, String tokenizer, Pooling pooling, String qPrefix,
      String pPrefix, int maxLen, int defaultBatch) {}

  private static final Map<String, Builtin> BUILTINS =
      Map.of(
          "all-minilm-l6-v2-q",
          new Builtin("all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
              Pooling.MEAN, "", "", 256, 1),
          "bge-small-en-v1.5-q",
          new Builtin("bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
              Pooling.CLS, "", "", 512, 1),
          "e5-small-v2",
          new Builtin("e5-small-v2.onnx", "e5-small-v2-tokenizer.json", Pooling.MEAN, "query: ",
              "passage: ", 512, 32));

  private static final Set<String> CONFIG_KEYS =
      Set.of("id", "pooling", "normalize", "queryPrefix", "passagePrefix", "maxLength", "batchSize");

  private TextEncoders() {}

  public static List<String> builtinIds() {
    return List.of("all-minilm-l6-v2-q", "bge-small-en-v1.5-q", "e5-small-v2");
  }

  /**
   * Opens with the model's default batch size: 1 for the quantized models (batched int8 vectors
   * drift, cos ≥ 0.985), 32 for fp32 e5 (batched = one-at-a-time); a folder's lensbench-encoder.json
   * may set it (default 1). See docs/encoders.md.
   */
  public static OnnxTextEncoder open(String idOrPath) {
    return new OnnxTextEncoder(spec(idOrPath, LensBenchHome.cacheDir().resolve("models")));
  }

  public static OnnxTextEncoder open(String idOrPath, int batchSize) {
    return new OnnxTextEncoder(spec(idOrPath, LensBenchHome.cacheDir().resolve("models"))
        .withBatchSize(batchSize));
  }

  /** Resolves an id or folder to a model spec (extracting built-in models into cacheRoot). */
  public static OnnxTextModelSpec spec(String idOrPath, Path cacheRoot) {
    String key = idOrPath == null ? DEFAULT_ID : idOrPath.trim();
    Builtin b = BUILTINS.get(key.toLowerCase(Locale.ROOT));
    if (b != null) {
      Map<String, String> res = new LinkedHashMap<>();
      res.put(b.onnx(), "model.onnx");
      res.put(b.tokenizer(), "tokenizer.json");
      Path dir = ModelFiles.extract(key.toLowerCase(Locale.ROOT), res, cacheRoot);
      return new OnnxTextModelSpec(key.toLowerCase(Locale.ROOT), dir, b.pooling(), true,
          b.qPrefix(), b.pPrefix(), b.maxLen(), b.defaultBatch());
    }
    Path dir = Path.of(key);
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(
          "text encoder '" + key + "': expected one of " + builtinIds()
              + " or a folder holding model.onnx + tokenizer.json, found neither");
    }
    return folderSpec(dir.toAbsolutePath());
  }

  private static OnnxTextModelSpec folderSpec(Path dir) {
    String id = "onnx:" + dir.getFileName() + "@" + ModelFiles.folderFingerprint(dir);
    Pooling pooling = Pooling.MEAN;
    boolean normalize = true;
    String q = "";
    String p = "";
    int maxLen = 512;
    int batch = 1;
    Path st = dir.resolve("1_Pooling").resolve("config.json");
    ObjectMapper om = new ObjectMapper();
    try {
      if (Files.isRegularFile(st)) {
        JsonNode n = om.readTree(st.toFile());
        if (n.path("pooling_mode_cls_token").asBoolean(false)) {
          pooling = Pooling.CLS;
        }
      }
      Path cfg = dir.resolve("lensbench-encoder.json");
      if (Files.isRegularFile(cfg)) {
        JsonNode n = om.readTree(cfg.toFile());
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
          String f = it.next();
          if (!CONFIG_KEYS.contains(f)) {
            throw new BadInputException(
                cfg + ": unknown key '" + f + "' (expected one of " + CONFIG_KEYS + ")");
          }
        }
        id = n.path("id").asText(id);
        if (n.has("pooling")) {
          String v = n.get("pooling").asText().toUpperCase(Locale.ROOT);
          try {
            pooling = Pooling.valueOf(v);
          } catch (IllegalArgumentException e) {
            throw new BadInputException(
                cfg + ": 'pooling' expected 'mean' or 'cls', found '" + n.get("pooling").asText()
                    + "'");
          }
        }
        normalize = n.path("normalize").asBoolean(true);
        q = n.path("queryPrefix").asText("");
        p = n.path("passagePrefix").asText("");
        maxLen = n.path("maxLength").asInt(512);
        batch = n.path("batchSize").asInt(1);
      }
    } catch (IOException e) {
      throw new BadInputException("text encoder folder " + dir + ": unreadable config: "
          + e.getMessage(), e);
    }
    return new OnnxTextModelSpec(id, dir, pooling, normalize, q, p, maxLen, batch);
  }
}
