package io.lensbench.runner.distractors;

import io.lensbench.datasets.Item;
import io.lensbench.datasets.grow.DistractorRecipe;
import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.StoreDocument;
import io.lensbench.stores.TextField;
import io.lensbench.stores.VectorField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The vector-model distractors' source for one strategy: a {@link GaussianMixture} per vector
 * field of its schema, fitted on the real items' vectors of that field (collected while the real
 * items are indexed), and what the run records about each fit (components, log-likelihood and a
 * fidelity check: how close samples come to real vectors compared with real vectors to each other).
 */
public final class VectorModels {
  private static final int FIDELITY_PROBES = 200;

  private final DistractorRecipe recipe;
  private final CollectionSchema schema;
  private final Map<String, List<float[]>> real = new LinkedHashMap<>();
  private final Map<String, GaussianMixture> models = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> summary = new LinkedHashMap<>();

  public VectorModels(DistractorRecipe recipe, CollectionSchema schema) {
    this.recipe = recipe;
    this.schema = schema;
    if (!schema.scalars().isEmpty()) {
      throw new io.lensbench.core.BadInputException("vector-model distractors: collection "
          + schema.name() + " has scalar fields " + schema.scalars() + ", which a vector model cannot fill");
    }
    for (VectorField f : schema.vectors()) {
      real.put(f.name(), new ArrayList<>());
    }
  }

  /** Keeps the real documents' vectors (bounded by the real corpus, never the distractors). */
  public void observe(List<StoreDocument> realBatch) {
    for (StoreDocument d : realBatch) {
      real.forEach((field, list) -> {
        float[] v = d.vectors().get(field);
        if (v != null) {
          list.add(v);
        }
      });
    }
  }

  /** Fits every field's model (once); the real vectors are released afterwards. */
  public void fit() {
    if (!models.isEmpty()) {
      return;
    }
    real.forEach((field, vectors) -> {
      if (vectors.isEmpty()) {
        throw new IllegalStateException("vector model for field '" + field + "': no real vectors to fit");
      }
      GaussianMixture m = GaussianMixture.fit(vectors, recipe.vectorModel().components(),
          recipe.vectorModel().iterations(), fieldSeed(field));
      models.put(field, m);
      summary.put(field, describe(field, m, vectors));
    });
    real.clear();
  }

  /** Distractor {@code i}'s vector for {@code field}: its own seeded stream, whatever the order. */
  public float[] vector(String field, long i) {
    SplittableRandom rnd = new SplittableRandom(fieldSeed(field) * 0x9E3779B97F4A7C15L + i);
    return models.get(field).sample(rnd);
  }

  /**
   * A vector-model distractor's document: a sample for every vector field, the item's
   * (recombined) texts of the field's language for every text field, no scalars.
   */
  public StoreDocument document(Item item, long index) {
    Map<String, float[]> vectors = new LinkedHashMap<>();
    for (VectorField f : schema.vectors()) {
      vectors.put(f.name(), vector(f.name(), index));
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (TextField t : schema.texts()) {
      List<String> parts = new ArrayList<>();
      new TreeMap<>(item.texts()).forEach((k, v) -> {
        if (k.endsWith("_" + t.language())) {
          parts.add(v.strip());
        }
      });
      texts.put(t.name(), String.join(" ", parts));
    }
    return new StoreDocument(item.id(), vectors, texts, Map.of());
  }

  /** Per field: components, iterations, mean log-likelihood, fidelity (for the run's provenance). */
  public Map<String, Map<String, Object>> summary() {
    return summary;
  }

  private long fieldSeed(String field) {
    return recipe.seed() ^ ((long) field.hashCode() << 32);
  }

  private Map<String, Object> describe(String field, GaussianMixture m, List<float[]> vectors) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("model", DistractorRecipe.VectorModel.TYPE);
    s.put("components", m.components());
    s.put("iterations", recipe.vectorModel().iterations());
    s.put("fittedOnRealVectors", vectors.size());
    s.put("dimension", m.dimension());
    s.put("meanLogLikelihood", round(m.meanLogLikelihood()));
    int probes = Math.min(FIDELITY_PROBES, vectors.size() - 1);
    double sampleToReal = 0;
    double realToReal = 0;
    for (int p = 0; p < probes; p++) {
      sampleToReal += nearest(m.sample(new SplittableRandom(~fieldSeed(field) + p)), vectors, -1);
      int self = (int) ((long) p * vectors.size() / Math.max(1, probes));
      realToReal += nearest(vectors.get(self), vectors, self);
    }
    s.put("fidelity", String.format(Locale.ROOT,
        "mean nearest-real cosine: %.4f for %d samples, %.4f for %d real vectors (leave one out)",
        sampleToReal / Math.max(1, probes), probes, realToReal / Math.max(1, probes), probes));
    return s;
  }

  private static double nearest(float[] v, List<float[]> vectors, int skip) {
    double best = -2;
    for (int i = 0; i < vectors.size(); i++) {
      if (i != skip) {
        best = Math.max(best, cosine(v, vectors.get(i)));
      }
    }
    return best;
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int j = 0; j < a.length; j++) {
      dot += a[j] * b[j];
      na += a[j] * a[j];
      nb += b[j] * b[j];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
