package io.lensbench.encoders.joint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import io.lensbench.encoders.Vectors;
import io.lensbench.encoders.pretrained.EfficientNetLite0;
import io.lensbench.encoders.pretrained.RgbImage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fine-tunable network: EfficientNet-Lite0 blocks, then a linear projection to the text space. */
final class FineTunedNet {
  private static final int BATCH = 32;
  private final SequentialBlock block;
  private final Linear projection;

  private FineTunedNet(SequentialBlock block, Linear projection) {
    this.block = block;
    this.projection = projection;
  }

  static FineTunedNet build(LiteBackbone backbone, int dimension) {
    Linear projection = Linear.builder().setUnits(dimension).build();
    return new FineTunedNet(new SequentialBlock().add(backbone.block()).add(projection), projection);
  }

  Block block() {
    return block;
  }

  /**
   * Starts the projection at a trained ridge head: {@code y = b + ((x − mean) / std) W} folded
   * into {@code y = b' + x W'} (DJL stores W' as out × in).
   */
  void loadProjection(FeatureHead ridge) {
    LinearHead h = ridge.layers().get(0);
    float[] mean = ridge.mean();
    float[] std = ridge.std();
    float[] w = new float[h.in() * h.out()];
    float[] b = h.bias().clone();
    for (int i = 0; i < h.in(); i++) {
      for (int j = 0; j < h.out(); j++) {
        float wij = h.weights()[i * h.out() + j] / std[i];
        w[j * h.in() + i] = wij;
        b[j] -= mean[i] * wij;
      }
    }
    projection.getParameters().get("weight").getArray().set(FloatBuffer.wrap(w));
    projection.getParameters().get("bias").getArray().set(FloatBuffer.wrap(b));
  }

  /** Unit vectors of images, inference mode, batches of 32. */
  List<float[]> embed(NDManager parent, List<Path> images) {
    List<float[]> out = new ArrayList<>(images.size());
    int s = EfficientNetLite0.SIZE;
    int plane = 3 * s * s;
    for (int from = 0; from < images.size(); from += BATCH) {
      int n = Math.min(BATCH, images.size() - from);
      float[] x = new float[n * plane];
      for (int i = 0; i < n; i++) {
        byte[] rgb = RgbImage.read(images.get(from + i)).resized(s);
        System.arraycopy(FineTuneTrainer.nchw(rgb, false), 0, x, i * plane, plane);
      }
      try (NDManager m = parent.newSubManager()) {
        NDArray y = block.forward(new ParameterStore(m, false),
            new NDList(m.create(x, new Shape(n, 3, s, s))), false).singletonOrThrow();
        int d = (int) y.getShape().get(1);
        float[] flat = y.toFloatArray();
        for (int i = 0; i < n; i++) {
          float[] v = new float[d];
          System.arraycopy(flat, i * d, v, 0, d);
          out.add(Vectors.normalizeInPlace(v));
        }
      }
    }
    return out;
  }
}
