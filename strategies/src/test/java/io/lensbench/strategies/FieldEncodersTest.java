package io.lensbench.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QueryKind;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.stores.HybridRequest.Knn;
import io.lensbench.stores.IndexSpec;
import io.lensbench.stores.VectorField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Multi-vector with a text encoder per dense field: schema, query vectors and fingerprint. */
class FieldEncodersTest {
  /** A text encoder whose vectors are constant, recording what it embedded. */
  static final class Fixed implements TextEncoder {
    final String id;
    final int dim;
    final List<String> seen = new ArrayList<>();

    Fixed(String id, int dim) {
      this.id = id;
      this.dim = dim;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public int dimension() {
      return dim;
    }

    @Override
    public List<float[]> embed(List<String> texts, Role role) {
      seen.addAll(texts);
      return texts.stream().map(t -> new float[dim]).toList();
    }

    @Override
    public void close() {}
  }

  /** A joint encoder that is never asked for vectors here. */
  static final class NoJoint implements JointEncoder {
    @Override
    public String id() {
      return "joint";
    }

    @Override
    public int dimension() {
      return 64;
    }

    @Override
    public List<float[]> embedImages(List<java.nio.file.Path> images) {
      throw new AssertionError("not routed");
    }

    @Override
    public List<float[]> embedTexts(List<String> texts) {
      throw new AssertionError("not routed");
    }

    @Override
    public float[] embedImageText(java.nio.file.Path image, String text) {
      throw new AssertionError("not routed");
    }

    @Override
    public void close() {}
  }

  private static MultiVectorStrategy strategy(TextEncoder text, Map<String, TextEncoder> fields) {
    return new MultiVectorStrategy("mv", new NoJoint(), text, fields, null, new QueryText(null, null),
        FusionSpec.rrf(60), Map.of("text.ko-en", List.of("name", "summary")), Map.of(), 100,
        IndexSpec.flat());
  }

  @Test
  void eachFieldUsesItsOwnEncoder() {
    Fixed minilm = new Fixed("minilm", 384);
    Fixed use = new Fixed("use@abc", 512);
    MultiVectorStrategy s = strategy(minilm, Map.of("name", use));
    Map<String, Integer> dims = new java.util.TreeMap<>();
    for (VectorField f : s.schema("c", Map.of()).vectors()) {
      dims.put(f.name(), f.dimension());
    }
    assertEquals(512, dims.get("name"));
    assertEquals(384, dims.get("summary"));
    Query q = new Query("q", QueryKind.TEXT, "ko", "남자 검정색 반팔티", null,
        Map.of("corpusLanguage", "en"), Set.of());
    var plan = s.plan(q);
    List<Integer> lengths = plan.searches().stream().map(x -> ((Knn) x).vector().length).toList();
    assertEquals(List.of(512, 384), lengths.subList(0, 2), "name by USE, summary by MiniLM");
    assertEquals(1, use.seen.size());
    assertEquals(1, minilm.seen.size(), "one query embedding per encoder");
  }

  @Test
  void fingerprintNamesFieldEncodersOnlyWhenThereAreAny() {
    Fixed minilm = new Fixed("minilm", 384);
    assertEquals(strategy(minilm, Map.of()).fingerprint(),
        "multivector|joint=joint|text=minilm|captions=none|index=" + IndexSpec.flat());
    assertTrue(strategy(minilm, Map.of("summary", new Fixed("use@abc", 512))).fingerprint()
        .endsWith("|fields=summary:use@abc"));
    BadInputException e = assertThrows(BadInputException.class,
        () -> strategy(minilm, Map.of("text_en", minilm)));
    assertTrue(e.getMessage().contains("field 'text_en'"), e.getMessage());
  }
}
