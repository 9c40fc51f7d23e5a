package io.lensbench.encoders.joint;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import io.lensbench.core.BadInputException;
import io.lensbench.core.InfrastructureException;
import io.lensbench.encoders.DjlEngines;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.TextEncoders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads a model folder written by {@link JointTrainer}: image → CNN image tower (PyTorch engine),
 * text → the frozen text tower named in the card (MiniLM by default), image+text → the
 * L2-normalised sum of both unit vectors (equal weight).
 */
public final class TrainedJointEncoder extends CardJointEncoder {
  private static final int BATCH_SIZE = 64;
  private final Model model;
  private final int size;

  private TrainedJointEncoder(Model model, TextEncoder text, Map<String, Object> card) {
    super(card, text);
    this.model = model;
    this.size = ((Number) card.get("imageSize")).intValue();
  }

  /** Opens a model folder (model-card.json + image-tower-0000.params). */
  public static TrainedJointEncoder open(Path dir) {
    Path cardFile = dir.resolve(JointTrainer.CARD_FILE);
    if (!Files.isRegularFile(cardFile)) {
      throw new InfrastructureException("joint model folder " + dir + ": expected "
          + JointTrainer.CARD_FILE + ", found nothing (train it: lensbench train joint --dataset"
          + " DIR)");
    }
    Map<String, Object> card = JointTrainer.readCard(cardFile);
    Object arch = card.get("architecture");
    if (!ImageTower.ARCHITECTURE.equals(arch)) {
      throw new BadInputException(cardFile + ": 'architecture' expected '"
          + ImageTower.ARCHITECTURE + "', found '" + arch + "' (retrain the model)");
    }
    Path params = dir.resolve(JointTrainer.PARAMS_NAME + "-0000.params");
    if (!Files.isRegularFile(params)) {
      throw new InfrastructureException("joint model folder " + dir + ": expected "
          + params.getFileName() + ", found nothing");
    }
    checkSha256(cardFile, card, "paramsSha256", params);
    String textId = String.valueOf(card.get("textEncoder"));
    int dim = ((Number) card.get("dimension")).intValue();
    DjlEngines.pyTorch();
    Model m = Model.newInstance("joint-image-tower", Device.cpu(), "PyTorch");
    TextEncoder t = null;
    try {
      m.setBlock(ImageTower.build(dim));
      m.load(dir, JointTrainer.PARAMS_NAME);
      t = TextEncoders.open(textId);
      if (t.dimension() != dim) {
        throw new BadInputException(cardFile + ": text encoder '" + textId + "' has dimension "
            + t.dimension() + ", card says " + dim);
      }
      TrainedJointEncoder enc = new TrainedJointEncoder(m, t, card);
      m = null;
      t = null;
      return enc;
    } catch (IOException | MalformedModelException e) {
      throw new InfrastructureException("joint model folder " + dir + ": could not load "
          + JointTrainer.PARAMS_NAME + "-0000.params: " + e.getMessage(), e);
    } finally {
      if (t != null) {
        t.close();
      }
      if (m != null) {
        m.close();
      }
    }
  }

  @Override
  public List<float[]> embedImages(List<Path> images) {
    List<byte[]> px = new ArrayList<>(images.size());
    for (Path p : images) {
      px.add(ImagePixels.load(p, size));
    }
    return ImageTowerRunner.embed(model, px, size, BATCH_SIZE);
  }

  /** Embeds already decoded images (for callers that render images in memory). */
  public List<float[]> embedPixels(List<java.awt.image.BufferedImage> images) {
    List<byte[]> px = new ArrayList<>(images.size());
    for (java.awt.image.BufferedImage im : images) {
      px.add(ImagePixels.letterbox(im, size));
    }
    return ImageTowerRunner.embed(model, px, size, BATCH_SIZE);
  }

  @Override
  protected void closeImageSide() {
    model.close();
  }
}
