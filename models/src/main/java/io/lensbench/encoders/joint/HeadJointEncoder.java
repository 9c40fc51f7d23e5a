package io.lensbench.encoders.joint;

import io.lensbench.core.BadInputException;
import io.lensbench.core.LensBenchHome;
import io.lensbench.encoders.CachedImageEncoder;
import io.lensbench.encoders.ImageEncoder;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.TextEncoders;
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
public final class HeadJointEncoder extends CardJointEncoder {
  private final ImageEncoder backbone;
  private final FeatureHead head;

  private HeadJointEncoder(Map<String, Object> card, ImageEncoder backbone, FeatureHead head,
      TextEncoder text) {
    super(card, text);
    this.backbone = backbone;
    this.head = head;
  }

  public static HeadJointEncoder open(Path dir) {
    Path cardFile = dir.resolve(JointTrainer.CARD_FILE);
    Map<String, Object> card = JointTrainer.readCard(cardFile);
    Path file = dir.resolve(String.valueOf(card.get("headFile")));
    checkSha256(cardFile, card, "headSha256", file);
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
  public List<float[]> embedImages(List<Path> images) {
    return head.apply(backbone.embed(images));
  }

  @Override
  protected void closeImageSide() {
    backbone.close();
  }
}
