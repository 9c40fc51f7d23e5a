package io.lensbench.encoders.joint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.encoders.DjlEngines;
import io.lensbench.encoders.Vectors;
import io.lensbench.encoders.pretrained.Prepared;
import io.lensbench.encoders.pretrained.PretrainedModels;
import io.lensbench.encoders.pretrained.RgbImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The trainable EfficientNet-Lite0 (DJL PyTorch blocks with the folded weights) computes the same
 * features as the prepared ONNX model, on the preparation's reference images.
 */
class LiteBackboneTest {
  @Test
  void djlBlocksEqualTheOnnxModel() throws Exception {
    Path dir = Prepared.models().model(PretrainedModels.EFFICIENTNET);
    JsonNode ref = new ObjectMapper().readTree(dir.resolve("reference/reference.json").toFile());
    LiteBackbone net = LiteBackbone.fromFolder(dir);
    DjlEngines.pyTorch();
    try (Model model = Model.newInstance("lite0", Device.cpu(), "PyTorch");
        NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      model.setBlock(net.block());
      net.block().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 224, 224));
      net.load(dir.resolve("folded-weights.bin"));
      double minCos = 1;
      for (JsonNode img : ref.path("images")) {
        byte[] rgb = RgbImage.read(dir.resolve("reference").resolve(img.path("file").asText()))
            .resized(224);
        float[] chw = FineTuneTrainer.nchw(rgb, false);
        float[] got = net.block().forward(new ParameterStore(m, false),
            new NDList(m.create(chw, new Shape(1, 3, 224, 224))), false).singletonOrThrow()
            .toFloatArray();
        float[] want = new ObjectMapper().convertValue(img.path("features"), float[].class);
        minCos = Math.min(minCos, Vectors.cosine(want, got));
      }
      System.out.println("EfficientNet-Lite0 DJL blocks vs ONNX, min cosine: " + minCos);
      assertTrue(minCos >= 0.9999, "min cosine " + minCos);
    }
  }
}
