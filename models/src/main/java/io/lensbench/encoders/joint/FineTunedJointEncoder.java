package io.lensbench.encoders.joint;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import io.lensbench.core.InfrastructureException;
import io.lensbench.core.LensBenchHome;
import io.lensbench.encoders.DjlEngines;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.TextEncoders;
import io.lensbench.encoders.pretrained.PretrainedModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A folder written by {@link FineTuneTrainer}: images through the fine-tuned EfficientNet-Lite0
 * and projection (DJL PyTorch, inference mode), texts through the frozen text tower in the card.
 */
public final class FineTunedJointEncoder extends CardJointEncoder {
  private final Model model;
  private final FineTunedNet net;

  private FineTunedJointEncoder(Map<String, Object> card, Model model, FineTunedNet net,
      TextEncoder text) {
    super(card, text);
    this.model = model;
    this.net = net;
  }

  public static FineTunedJointEncoder open(Path dir) {
    Path cardFile = dir.resolve(JointTrainer.CARD_FILE);
    Map<String, Object> card = JointTrainer.readCard(cardFile);
    Path params = dir.resolve(FineTuneTrainer.PARAMS_NAME + "-0000.params");
    checkSha256(cardFile, card, "paramsSha256", params);
    Path backbone = PretrainedModels.require(LensBenchHome.resolve())
        .model(PretrainedModels.EFFICIENTNET);
    DjlEngines.pyTorch();
    Model m = Model.newInstance("joint-finetuned", Device.cpu(), "PyTorch");
    try {
      FineTunedNet net = FineTunedNet.build(LiteBackbone.fromFolder(backbone),
          ((Number) card.get("dimension")).intValue());
      m.setBlock(net.block());
      m.load(dir, FineTuneTrainer.PARAMS_NAME);
      FineTunedJointEncoder enc = new FineTunedJointEncoder(card, m, net,
          TextEncoders.open(String.valueOf(card.get("textEncoder"))));
      m = null;
      return enc;
    } catch (IOException | MalformedModelException e) {
      throw new InfrastructureException("joint model folder " + dir + ": could not load "
          + params.getFileName() + ": " + e.getMessage(), e);
    } finally {
      if (m != null) {
        m.close();
      }
    }
  }

  @Override
  public List<float[]> embedImages(List<Path> images) {
    return net.embed(model.getNDManager(), images);
  }

  @Override
  protected void closeImageSide() {
    model.close();
  }
}
