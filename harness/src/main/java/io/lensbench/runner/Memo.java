package io.lensbench.runner;

import io.lensbench.captioners.Captioner;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.TextEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-run memo in front of the (disk-cached) encoders: an image, text or caption needed by several
 * strategies (the joint image vector by joint and multi-vector, captions by cross-modal and
 * multi-vector) is computed once per run, and every store receives the very same vectors. Misses
 * are passed to the wrapped encoder in one batch. The wrappers do not close the wrapped encoders.
 */
final class Memo {
  private Memo() {}

  static TextEncoder text(TextEncoder inner) {
    Map<String, float[]> memo = new ConcurrentHashMap<>();
    return new TextEncoder() {
      @Override
      public String id() {
        return inner.id();
      }

      @Override
      public int dimension() {
        return inner.dimension();
      }

      @Override
      public List<float[]> embed(List<String> texts, Role role) {
        return batched(texts, t -> role.name() + "\u0000" + t, missing -> inner.embed(missing, role), memo);
      }

      @Override
      public void close() {}
    };
  }

  static JointEncoder joint(JointEncoder inner) {
    Map<String, float[]> memo = new ConcurrentHashMap<>();
    return new JointEncoder() {
      @Override
      public String id() {
        return inner.id();
      }

      @Override
      public int dimension() {
        return inner.dimension();
      }

      @Override
      public List<float[]> embedImages(List<Path> images) {
        return batched(images, p -> "I\u0000" + p.toAbsolutePath(), inner::embedImages, memo);
      }

      @Override
      public List<float[]> embedTexts(List<String> texts) {
        return batched(texts, t -> "T\u0000" + t, inner::embedTexts, memo);
      }

      @Override
      public float[] embedImageText(Path image, String text) {
        return memo.computeIfAbsent(
            "IT\u0000" + image.toAbsolutePath() + "\u0000" + text,
            k -> inner.embedImageText(image, text));
      }

      @Override
      public void close() {}
    };
  }

  static Captioner captioner(Captioner inner) {
    Map<String, String> memo = new ConcurrentHashMap<>();
    return new Captioner() {
      @Override
      public String id() {
        return inner.id();
      }

      @Override
      public List<String> caption(List<Path> images) {
        return batched(images, p -> p.toAbsolutePath().toString(), inner::caption, memo);
      }

      @Override
      public void close() {}
    };
  }

  private static <I, O> List<O> batched(
      List<I> inputs,
      java.util.function.Function<I, String> key,
      java.util.function.Function<List<I>, List<O>> compute,
      Map<String, O> memo) {
    List<I> missing = new ArrayList<>();
    List<String> missingKeys = new ArrayList<>();
    for (I in : inputs) {
      String k = key.apply(in);
      if (!memo.containsKey(k) && !missingKeys.contains(k)) {
        missing.add(in);
        missingKeys.add(k);
      }
    }
    if (!missing.isEmpty()) {
      List<O> out = compute.apply(missing);
      if (out.size() != missing.size()) {
        throw new IllegalStateException(
            "encoder returned " + out.size() + " results for " + missing.size() + " inputs");
      }
      for (int i = 0; i < out.size(); i++) {
        memo.put(missingKeys.get(i), out.get(i));
      }
    }
    List<O> result = new ArrayList<>(inputs.size());
    for (I in : inputs) {
      result.add(memo.get(key.apply(in)));
    }
    return result;
  }
}
