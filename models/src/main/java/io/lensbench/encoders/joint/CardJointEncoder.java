package io.lensbench.encoders.joint;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.Vectors;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A joint model LensBench trained on its image side: its {@code model-card.json} and the frozen
 * text tower the card names. Texts go through the text tower ({@code Role.QUERY}); image+text is
 * the L2-normalised sum of both unit vectors (equal weight). Subclasses embed images and close
 * their image side.
 */
public abstract class CardJointEncoder implements JointEncoder {
  private final Map<String, Object> card;
  private final TextEncoder text;

  protected CardJointEncoder(Map<String, Object> card, TextEncoder text) {
    this.card = card;
    this.text = text;
  }

  /** Fails (bad input) when file does not hash to the SHA-256 the card records under key. */
  static void checkSha256(Path cardFile, Map<String, Object> card, String key, Path file) {
    String sha = Hashing.sha256Hex(file);
    if (!sha.equals(card.get(key))) {
      throw new BadInputException(cardFile + ": '" + key + "' is " + card.get(key) + " but "
          + file.getFileName() + " hashes to " + sha + " (interrupted save? retrain with --force)");
    }
  }

  @Override
  public final String id() {
    return String.valueOf(card.get("id"));
  }

  @Override
  public final int dimension() {
    return ((Number) card.get("dimension")).intValue();
  }

  public final Map<String, Object> card() {
    return card;
  }

  public final TextEncoder textEncoder() {
    return text;
  }

  @Override
  public final List<float[]> embedTexts(List<String> texts) {
    return text.embed(texts, TextEncoder.Role.QUERY);
  }

  @Override
  public final float[] embedImageText(Path image, String instruction) {
    return Vectors.normalizedSum(embedImages(List.of(image)).get(0),
        embedTexts(List.of(instruction)).get(0));
  }

  /** Releases what embeds images (the text tower is closed by {@link #close()}). */
  protected abstract void closeImageSide();

  @Override
  public final void close() {
    try {
      text.close();
    } finally {
      closeImageSide();
    }
  }
}
