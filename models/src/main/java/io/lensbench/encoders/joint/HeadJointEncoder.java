package io.lensbench.encoders.joint;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import io.lensbench.core.LensBenchHome;
import io.lensbench.encoders.CachedImageEncoder;
import io.lensbench.encoders.ImageEncoder;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.TextEncoders;
import io.lensbench.encoders.Vectors;
import io.lensbench.encoders.pretrained.EfficientNetLite0;
import io.lensbench.encoders.pretrained.PretrainedModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A joint model folder written by {@link HeadTrainer}: image → EfficientNet-Lite0 features (the
 * prepared model whose id the card names; its features cached on disk) → the head → unit vector;
 * text → the frozen text tower named in the card (USE multilingual, with its weights fingerprint);
 * image+text → the normalised sum.
 */
public final class HeadJointEncoder implements JointEncoder {
  private final Map<String, Object> card;
  private final ImageEncoder backbone;
  private final FeatureHead head;
  private final TextEncoder text;

  private HeadJointEncoder(Map<String, Object> card, ImageEncoder backbone, FeatureHead head,
      TextEncoder text) {
    this.card = card;
    this.backbone = backbone;
    this.head = head;
    this.text = text;
  }

  public static HeadJointEncoder open(Path dir) {
    Path cardFile = dir.resolve(JointTrainer.CARD_FILE);
    Map<String, Object> card = JointTrainer.readCard(cardFile);
    Path file = dir.resolve(String.valueOf(card.get("headFile")));
    String sha = Hashing.sha256Hex(file);
    if (!sha.equals(card.get("headSha256"))) {
      throw new BadInputException(cardFile + ": 'headSha256' is " + card.get("headSha256") + " but "
          + file.getFileName() + " hashes to " + sha + " (retrain with --force)");
    }
    @SuppressWarnings("unchecked")
    List<List<Number>> layers = (List<List<Number>>) card.get("headLayers");
    FeatureHead head = FeatureHead.read(file, layers.stream()
        .map(l -> new int[] {l.get(0).intValue(), l.get(1).intValue()}).toList());
    Path home = LensBenchHome.resolve();
    EfficientNetLite0 net = EfficientNetLite0.open(
        PretrainedModels.require(home).model(PretrainedModels.EFFICIENTNET));
    if (!net.id().equals(card.get("imageEncoder"))) {
      net.close();
      throw new BadInputException(cardFile + ": 'imageEncoder' expected '" + card.get("imageEncoder")
          + "', found the prepared '" + net.id() + "' (the backbone changed: retrain with --force)");
    }
    ImageEncoder backbone = new CachedImageEncoder(net, home.resolve("cache"));
    try {
      return new HeadJointEncoder(card, backbone, head,
          TextEncoders.open(String.valueOf(card.get("textEncoder"))));
    } catch (RuntimeException e) {
      backbone.close();
      throw e;
    }
  }

  @Override
  public String id() {
    return String.valueOf(card.get("id"));
  }

  @Override
  public int dimension() {
    return ((Number) card.get("dimension")).intValue();
  }

  public Map<String, Object> card() {
    return card;
  }

  public TextEncoder textEncoder() {
    return text;
  }

  @Override
  public List<float[]> embedImages(List<Path> images) {
    return head.apply(backbone.embed(images));
  }

  @Override
  public List<float[]> embedTexts(List<String> texts) {
    return text.embed(texts, TextEncoder.Role.QUERY);
  }

  @Override
  public float[] embedImageText(Path image, String instruction) {
    return Vectors.normalizedSum(embedImages(List.of(image)).get(0),
        embedTexts(List.of(instruction)).get(0));
  }

  @Override
  public void close() {
    try {
      text.close();
    } finally {
      backbone.close();
    }
  }
}
