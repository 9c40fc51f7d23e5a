package io.lensbench.strategies;

import io.lensbench.core.BadInputException;
import io.lensbench.strategies.fusion.WeightedSum;
import java.util.Locale;

/**
 * How a multi-field query's lists are fused.
 *
 * @param mode client-side RRF or weighted sum, or the store's native hybrid with an RRF or
 *     weighted ranker
 * @param rrfK RRF constant (60 by default)
 * @param normalization score normalisation for client-side weighted sum
 */
public record FusionSpec(Mode mode, int rrfK, WeightedSum.Normalization normalization) {
  public enum Mode {
    RRF("rrf"),
    WEIGHTED("weighted"),
    NATIVE_RRF("native-rrf"),
    NATIVE_WEIGHTED("native-weighted");

    private final String wire;

    Mode(String wire) {
      this.wire = wire;
    }

    public String wireName() {
      return wire;
    }

    public boolean isNative() {
      return this == NATIVE_RRF || this == NATIVE_WEIGHTED;
    }

    public static Mode parse(String s, String where) {
      for (Mode m : values()) {
        if (m.wire.equals(s)) {
          return m;
        }
      }
      throw new BadInputException(
          String.format(Locale.ROOT,
              "%s: unknown fusion '%s' (expected one of rrf, weighted, native-rrf, native-weighted)",
              where, s));
    }
  }

  public static FusionSpec rrf(int k) {
    return new FusionSpec(Mode.RRF, k, WeightedSum.Normalization.MIN_MAX);
  }
}
