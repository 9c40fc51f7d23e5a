package io.lensbench.datasets.grow;

import io.lensbench.core.BadInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a distractor item's vectors come from (docs/scale.md).
 *
 * <ul>
 *   <li>{@link #AUGMENTED}: the item has an augmented real image (flip, crop, colour shift,
 *       written by {@code datasets grow}) and recombined real texts; every strategy encodes it
 *       with its own encoders, exactly like a real item;
 *   <li>{@link #VECTOR_MODEL}: the item has recombined real texts and no image; its vectors are
 *       drawn from a seeded Gaussian mixture fitted, at index time, on the real items' vectors of
 *       each vector field of the strategy (engine scale only: the encoders never see it).
 * </ul>
 */
public enum DistractorMode {
  AUGMENTED("augmented"),
  VECTOR_MODEL("vector-model");

  private final String wireName;

  DistractorMode(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The mode named {@code s}; bad input naming {@code where} and the choices otherwise. */
  public static DistractorMode parse(String s, String where) {
    return Arrays.stream(values()).filter(m -> m.wireName.equals(s)).findFirst()
        .orElseThrow(() -> new BadInputException(String.format(Locale.ROOT,
            "%s: expected 'augmented' or 'vector-model', found '%s'", where, s)));
  }
}
