package io.lensbench.encoders;

import io.lensbench.core.BadInputException;
import io.lensbench.encoders.clip.ClipOnnxEncoder;
import io.lensbench.encoders.joint.FineTuneTrainer;
import io.lensbench.encoders.joint.FineTunedJointEncoder;
import io.lensbench.encoders.joint.FusedJointEncoder;
import io.lensbench.encoders.joint.HeadJointEncoder;
import io.lensbench.encoders.joint.TrainedJointEncoder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a joint image–text model folder, recognising its kind by the files it holds. */
public final class JointEncoders {
  private JointEncoders() {}

  /**
   * {@code model-card.json} → one of LensBench's joint models, by its {@code architecture}: a
   * head on EfficientNet-Lite0 ({@code efficientnet-lite0+…}), the fine-tuned EfficientNet, an
   * ensemble ({@code fused/v1}), else the trained CNN; {@code image_encoder.onnx} + {@code text_encoder.onnx} → a
   * user-supplied CLIP-family model.
   */
  public static JointEncoder open(Path dir) {
    Path card = dir.resolve("model-card.json");
    if (Files.isRegularFile(card)) {
      String arch = architecture(card);
      if (arch.startsWith("efficientnet-lite0+")) {
        return HeadJointEncoder.open(dir);
      }
      if (arch.equals(FineTuneTrainer.ARCHITECTURE)) {
        return FineTunedJointEncoder.open(dir);
      }
      return arch.equals(FusedJointEncoder.ARCHITECTURE) ? FusedJointEncoder.open(dir)
          : TrainedJointEncoder.open(dir);
    }
    if (Files.isRegularFile(dir.resolve("image_encoder.onnx"))) {
      return ClipOnnxEncoder.open(dir);
    }
    throw new BadInputException("joint model folder " + dir + ": expected model-card.json (trained"
        + " by 'lensbench train joint') or image_encoder.onnx + text_encoder.onnx + tokenizer.json"
        + " + preprocess.json (CLIP-family ONNX), found neither");
  }

  private static String architecture(Path card) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(card.toFile())
          .path("architecture").asText("");
    } catch (java.io.IOException e) {
      throw new BadInputException("joint model card " + card + ": unreadable (" + e.getMessage()
          + ")", e);
    }
  }
}
