package io.lensbench.encoders.joint;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import io.lensbench.core.InfrastructureException;
import io.lensbench.core.LensBenchHome;
import io.lensbench.encoders.DjlEngines;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.TextEncoders;
import io.lensbench.encoders.Vectors;
import io.lensbench.encoders.pretrained.PretrainedModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A folder written by {@link FineTuneTrainer}: images through the fine-tuned EfficientNet-Lite0
 * and projection (DJL PyTorch, inference mode), texts through the frozen text tower in the card.
 */
public final class FineTunedJointEncoder implements JointEncoder {
  private final Map<String, Object> card;
  private final Model model;
  private final FineTunedNet net;
  private final TextEncoder text;

  private FineTunedJointEncoder(Map<String, Object> card, Model model, FineTunedNet net,
      TextEncoder text) {
    this.card = card;
    this.model = model;
    this.net = net;
    this.text = text;
  }

  public static FineTunedJointEncoder open(Path dir) {
    Path cardFile = dir.resolve(JointTrainer.CARD_FILE);
    Map<String, Object> card = JointTrainer.readCard(cardFile);
    Path params = dir.resolve(FineTuneTrainer.PARAMS_NAME + "-0000.params");
    String sha = Hashing.sha256Hex(params);
    if (!sha.equals(card.get("paramsSha256"))) {
      throw new BadInputException(cardFile + ": 'paramsSha256' is " + card.get("paramsSha256")
          + " but " + params.getFileName() + " hashes to " + sha + " (retrain with --force)");
    }
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
    return net.embed(model.getNDManager(), images);
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
      model.close();
    }
  }
}
