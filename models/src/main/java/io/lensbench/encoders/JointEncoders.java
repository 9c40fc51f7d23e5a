package io.lensbench.encoders;

import io.lensbench.core.BadInputException;
import io.lensbench.encoders.clip.ClipOnnxEncoder;
import io.lensbench.encoders.joint.TrainedJointEncoder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a joint image–text model folder, recognising its kind by the files it holds. */
public final class JointEncoders {
  private JointEncoders() {}

  /**
   * {@code model-card.json} + {@code image-tower-0000.params} → LensBench's trained joint model;
   * {@code image_encoder.onnx} + {@code text_encoder.onnx} → a user-supplied CLIP-family model.
   */
  public static JointEncoder open(Path dir) {
    if (Files.isRegularFile(dir.resolve("model-card.json"))) {
      return TrainedJointEncoder.open(dir);
    }
    if (Files.isRegularFile(dir.resolve("image_encoder.onnx"))) {
      return ClipOnnxEncoder.open(dir);
    }
    throw new BadInputException("joint model folder " + dir + ": expected model-card.json (trained"
        + " by 'lensbench train joint') or image_encoder.onnx + text_encoder.onnx + tokenizer.json"
        + " + preprocess.json (CLIP-family ONNX), found neither");
  }
}
