package io.lensbench.encoders.clip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

/**
 * {@code preprocess.json} of a user-supplied CLIP-family model folder.
 *
 * @param id model id for cache keys and reports (default: "clip:" + folder name + "@" + the
 *     folder's weights fingerprint, {@link io.lensbench.encoders.ModelFiles#folderFingerprint})
 * @param imageSize square input side in pixels
 * @param mean per-channel RGB mean (pixels scaled to 0..1 first)
 * @param std per-channel RGB standard deviation
 * @param resize {@code center-crop} (CLIP: shortest side → imageSize, then centre crop) or
 *     {@code letterbox} (whole image on white)
 * @param maxTextLength token limit (CLIP: 77)
 * @param padToMaxLength pad every text to maxTextLength (exports with a fixed sequence length)
 */
public record ClipPreprocess(
    String id,
    int imageSize,
    float[] mean,
    float[] std,
    String resize,
    int maxTextLength,
    boolean padToMaxLength) {

  static final Set<String> KEYS =
      Set.of("id", "imageSize", "mean", "std", "resize", "maxTextLength", "padToMaxLength");

  static ClipPreprocess read(Path file, String defaultId) {
    JsonNode n;
    try {
      n = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new BadInputException(file + ": unreadable JSON (" + e.getMessage() + ")", e);
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) {
        throw new BadInputException(file + ": unknown key '" + k + "' (expected " + KEYS + ")");
      }
    }
    for (String req : new String[] {"imageSize", "mean", "std", "maxTextLength"}) {
      if (!n.has(req)) {
        throw new BadInputException(file + ": required key '" + req + "' is missing");
      }
    }
    int size = n.get("imageSize").asInt();
    if (size < 8) {
      throw new BadInputException(file + ": 'imageSize' expected >= 8, found " + size);
    }
    String resize = n.path("resize").asText("center-crop");
    if (!resize.equals("center-crop") && !resize.equals("letterbox")) {
      throw new BadInputException(file + ": 'resize' expected 'center-crop' or 'letterbox', found '"
          + resize + "'");
    }
    return new ClipPreprocess(n.path("id").asText(defaultId), size, triple(n, "mean", file),
        triple(n, "std", file), resize, n.get("maxTextLength").asInt(),
        n.path("padToMaxLength").asBoolean(false));
  }

  private static float[] triple(JsonNode n, String key, Path file) {
    JsonNode a = n.get(key);
    if (!a.isArray() || a.size() != 3) {
      throw new BadInputException(file + ": '" + key + "' expected an array of 3 numbers (R, G, B),"
          + " found " + a);
    }
    float[] v = new float[3];
    for (int i = 0; i < 3; i++) {
      v[i] = (float) a.get(i).asDouble();
      if (key.equals("std") && v[i] <= 0) {
        throw new BadInputException(file + ": 'std' values must be > 0, found " + a);
      }
    }
    return v;
  }
}
