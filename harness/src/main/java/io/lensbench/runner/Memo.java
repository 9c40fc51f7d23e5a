package io.lensbench.runner;

import io.lensbench.cache.BatchedCache;
import io.lensbench.cache.MemoryStore;
import io.lensbench.captioners.Captioner;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.TextEncoder;
import java.nio.file.Path;
import java.util.List;

/**
 * In-run memo in front of the (disk-cached) encoders: an image, text or caption needed by several
 * strategies (the joint image vector by joint and multi-vector, captions by cross-modal and
 * multi-vector) is computed once per run, and every store receives the very same vectors. Misses
 * are passed to the wrapped encoder in one batch ({@link BatchedCache} over a {@link
 * MemoryStore}). The wrappers do not close the wrapped encoders.
 */
final class Memo {
  private Memo() {}

  static TextEncoder text(TextEncoder inner) {
    BatchedCache<float[]> memo = BatchedCache.ofVectors(new MemoryStore<>());
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
        return memo.get(texts, t -> role.name() + "\u0000" + t, missing -> inner.embed(missing, role));
      }

      @Override
      public void close() {}
    };
  }

  static JointEncoder joint(JointEncoder inner) {
    BatchedCache<float[]> memo = BatchedCache.ofVectors(new MemoryStore<>());
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
        return memo.get(images, p -> "I\u0000" + p.toAbsolutePath(), inner::embedImages);
      }

      @Override
      public List<float[]> embedTexts(List<String> texts) {
        return memo.get(texts, t -> "T\u0000" + t, inner::embedTexts);
      }

      @Override
      public float[] embedImageText(Path image, String text) {
        return memo.getOne(image, p -> "IT\u0000" + p.toAbsolutePath() + "\u0000" + text,
            p -> inner.embedImageText(p, text));
      }

      @Override
      public void close() {}
    };
  }

  static Captioner captioner(Captioner inner) {
    BatchedCache<String> memo = BatchedCache.ofImmutable(new MemoryStore<>());
    return new Captioner() {
      @Override
      public String id() {
        return inner.id();
      }

      @Override
      public List<String> caption(List<Path> images) {
        return memo.get(images, p -> p.toAbsolutePath().toString(), inner::caption);
      }

      @Override
      public void close() {}
    };
  }
}
