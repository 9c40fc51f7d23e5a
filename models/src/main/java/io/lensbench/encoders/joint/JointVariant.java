package io.lensbench.encoders.joint;

import io.lensbench.core.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The joint image–text models LensBench trains itself, by the name an experiment uses
 * ({@code jointEncoder: cnn-use}). {@code default} is {@link #DEFAULT}.
 */
public enum JointVariant {
  /** The small CNN trained from scratch against MiniLM (English only): the baseline. */
  CNN_MINILM("cnn-minilm"),
  /** The same CNN trained against USE multilingual (bilingual text tower). */
  CNN_USE("cnn-use"),
  /** Frozen EfficientNet-Lite0 features + closed-form ridge into USE. */
  EFFNET_RIDGE("effnet-ridge"),
  /** Frozen EfficientNet-Lite0 features + a contrastive MLP head into USE. */
  EFFNET_MLP("effnet-mlp"),
  /** The CNN (USE) and the EfficientNet MLP head, image vectors averaged. */
  FUSED("fused"),
  /**
   * EfficientNet-Lite0 fine-tuned end to end with a projection (started from the ridge head):
   * expensive on CPU, trained only on request, never by the demo.
   */
  EFFNET_FINETUNE("effnet-finetune");

  /** What {@code default} means: the best bilingual model on the held-out protocol. */
  public static final JointVariant DEFAULT = FUSED;

  private final String id;

  JointVariant(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The variant a name denotes ({@code default} included), if any. */
  public static Optional<JointVariant> find(String name) {
    if (name.equals("default")) {
      return Optional.of(DEFAULT);
    }
    return Arrays.stream(values()).filter(v -> v.id.equals(name)).findFirst();
  }

  public static JointVariant parse(String name) {
    return find(name).orElseThrow(() -> new BadInputException(String.format(Locale.ROOT,
        "joint model '%s': expected default or one of %s", name,
        Arrays.stream(values()).map(JointVariant::id).toList())));
  }
}
