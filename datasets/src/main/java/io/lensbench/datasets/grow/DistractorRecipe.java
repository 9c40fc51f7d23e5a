package io.lensbench.datasets.grow;

import io.lensbench.core.BadInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a grown dataset's distractors are made, as stored under {@code distractors} in its card:
 * enough to regenerate every distractor, one by one, in order, byte for byte.
 *
 * @param mode where their vectors come from
 * @param seed the grow seed: distractor {@code i} depends on (seed, i) only
 * @param count how many distractors
 * @param split the real items the total counts: {@code test} or {@code all}
 * @param total real items of {@code split} plus {@code count}: the N of {@code grow --to N}
 * @param images the augmented images (null in {@code vector-model} mode)
 * @param vectorModel the distribution distractor vectors are drawn from (null in {@code augmented} mode)
 */
public record DistractorRecipe(DistractorMode mode, long seed, long count, String split, long total,
    Images images, VectorModel vectorModel) {
  /** Distractor ids: this prefix and the zero-padded index ({@code distractor-0000042}). */
  public static final String ID_PREFIX = "distractor-";
  /** What every report says about distractors. */
  public static final String LABEL = "distractors: generated items, never relevant to any query "
      + "(the qrels are the base dataset's, unchanged); not catalogue items";

  /**
   * @param dir folder of the images, relative to the dataset
   * @param size longest side in pixels
   * @param sha256 SHA-256 over the sorted "name sha256" lines of the image files
   */
  public record Images(String dir, int size, String sha256) {}

  /**
   * @param components mixture components per vector field
   * @param iterations EM iterations after the seeded k-means++ start
   */
  public record VectorModel(int components, int iterations) {
    public static final String TYPE = "gaussian-mixture, diagonal covariance, samples L2-normalised";
    public static final String FITTED_ON = "the real items' vectors of each vector field of the "
        + "strategy, fitted at index time (seeded), recorded in the run";
  }

  /** Distractor {@code i}'s id. */
  public static String id(long i) {
    return ID_PREFIX + String.format(Locale.ROOT, "%07d", i);
  }

  /** Whether {@code id} names a distractor. */
  public static boolean isDistractor(String id) {
    return id.startsWith(ID_PREFIX);
  }

  /** The card's {@code distractors} value. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", mode.wireName());
    m.put("seed", seed);
    m.put("count", count);
    m.put("split", split);
    m.put("total", total);
    m.put("idPrefix", ID_PREFIX);
    m.put("label", LABEL);
    m.put("texts", TextRecombiner.RULE);
    if (images != null) {
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("dir", images.dir());
      i.put("size", images.size());
      i.put("format", "jpeg");
      i.put("operations", ImageAugmenter.OPERATIONS);
      i.put("sha256", images.sha256());
      m.put("images", i);
    }
    if (vectorModel != null) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("type", VectorModel.TYPE);
      v.put("components", vectorModel.components());
      v.put("iterations", vectorModel.iterations());
      v.put("fittedOn", VectorModel.FITTED_ON);
      m.put("vectorModel", v);
    }
    return m;
  }

  /** The recipe in a card's {@code distractors} value; bad input naming the card otherwise. */
  public static DistractorRecipe fromJson(Object value, String where) {
    if (!(value instanceof Map<?, ?> m)) {
      throw new BadInputException(where + ": distractors: expected a mapping, found " + value);
    }
    DistractorMode mode = DistractorMode.parse(String.valueOf(m.get("mode")), where + ": distractors.mode");
    long count = number(m, "count", where);
    long total = number(m, "total", where);
    String split = String.valueOf(m.get("split"));
    if (!split.equals("test") && !split.equals("all")) {
      throw new BadInputException(where + ": distractors.split: expected 'test' or 'all', found '" + split + "'");
    }
    Images images = null;
    if (mode == DistractorMode.AUGMENTED) {
      Map<?, ?> i = mapping(m.get("images"), where + ": distractors.images");
      images = new Images(String.valueOf(i.get("dir")), (int) number(i, "size", where), String.valueOf(i.get("sha256")));
    }
    VectorModel model = null;
    if (mode == DistractorMode.VECTOR_MODEL) {
      Map<?, ?> v = mapping(m.get("vectorModel"), where + ": distractors.vectorModel");
      model = new VectorModel((int) number(v, "components", where), (int) number(v, "iterations", where));
    }
    return new DistractorRecipe(mode, number(m, "seed", where), count, split, total, images, model);
  }

  private static Map<?, ?> mapping(Object v, String where) {
    if (!(v instanceof Map<?, ?> m)) {
      throw new BadInputException(where + ": expected a mapping, found " + v);
    }
    return m;
  }

  private static long number(Map<?, ?> m, String key, String where) {
    if (!(m.get(key) instanceof Number n) || n.longValue() < 0) {
      throw new BadInputException(String.format(Locale.ROOT,
          "%s: distractors %s: expected a number >= 0, found %s", where, key, m.get(key)));
    }
    return n.longValue();
  }
}
