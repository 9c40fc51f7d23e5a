package io.lensbench.encoders.joint;

import io.lensbench.core.BadInputException;
import io.lensbench.core.InfrastructureException;
import io.lensbench.encoders.Vectors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Image features → the text tower's space: standardise each feature with the TRAIN mean and
 * standard deviation, then one linear layer (the ridge head) or two with a ReLU between (the MLP
 * head), then L2-normalise. Plain Java at inference. The file is little-endian float32: mean,
 * std, then each layer's weights (in × out, row-major) and bias.
 */
final class FeatureHead {
  private final float[] mean;
  private final float[] std;
  private final List<LinearHead> layers;

  FeatureHead(float[] mean, float[] std, List<LinearHead> layers) {
    this.mean = mean;
    this.std = std;
    this.layers = List.copyOf(layers);
  }

  /** Mean and standard deviation per feature (sqrt(var + 1e-6)), over the rows. */
  static float[][] moments(List<float[]> rows) {
    int d = rows.get(0).length;
    double[] m = new double[d];
    double[] v = new double[d];
    for (float[] r : rows) {
      for (int i = 0; i < d; i++) {
        m[i] += r[i];
      }
    }
    for (int i = 0; i < d; i++) {
      m[i] /= rows.size();
    }
    for (float[] r : rows) {
      for (int i = 0; i < d; i++) {
        double x = r[i] - m[i];
        v[i] += x * x;
      }
    }
    float[] mean = new float[d];
    float[] std = new float[d];
    for (int i = 0; i < d; i++) {
      mean[i] = (float) m[i];
      std[i] = (float) Math.sqrt(v[i] / rows.size() + 1e-6);
    }
    return new float[][] {mean, std};
  }

  static float[] standardize(float[] x, float[] mean, float[] std) {
    float[] z = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      z[i] = (x[i] - mean[i]) / std[i];
    }
    return z;
  }

  List<LinearHead> layers() {
    return layers;
  }

  /** The unit vector of an image's features. */
  float[] apply(float[] features) {
    return applyStandardized(standardize(features, mean, std));
  }

  /** The unit vector of already standardised features. */
  float[] applyStandardized(float[] z) {
    float[] x = z;
    for (int l = 0; l < layers.size(); l++) {
      x = layers.get(l).apply(x);
      if (l < layers.size() - 1) {
        for (int i = 0; i < x.length; i++) {
          x[i] = Math.max(0f, x[i]);
        }
      }
    }
    return Vectors.normalizeInPlace(x);
  }

  List<float[]> apply(List<float[]> features) {
    List<float[]> out = new ArrayList<>(features.size());
    features.forEach(f -> out.add(apply(f)));
    return out;
  }

  /** Layer shapes as [in, out] pairs (recorded in the model card). */
  List<int[]> shapes() {
    return layers.stream().map(l -> new int[] {l.in(), l.out()}).toList();
  }

  void write(Path file) {
    int floats = mean.length * 2;
    for (LinearHead l : layers) {
      floats += l.weights().length + l.bias().length;
    }
    ByteBuffer b = ByteBuffer.allocate(floats * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(mean).put(std);
    int pos = mean.length * 2;
    for (LinearHead l : layers) {
      b.position(pos * 4);
      b.asFloatBuffer().put(l.weights()).put(l.bias());
      pos += l.weights().length + l.bias().length;
    }
    try {
      Files.write(file, b.array());
    } catch (IOException e) {
      throw new InfrastructureException("joint head: cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static FeatureHead read(Path file, List<int[]> shapes) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InfrastructureException("joint head: cannot read " + file + ": " + e.getMessage(), e);
    }
    int d = shapes.get(0)[0];
    int expected = 2 * d;
    for (int[] s : shapes) {
      expected += s[0] * s[1] + s[1];
    }
    if (bytes.length != expected * 4) {
      throw new BadInputException("joint head " + file + ": expected " + expected * 4 + " bytes for"
          + " layers " + shapes.stream().map(s -> s[0] + "x" + s[1]).toList() + ", found "
          + bytes.length);
    }
    var fb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    float[] mean = new float[d];
    float[] std = new float[d];
    fb.get(mean).get(std);
    List<LinearHead> layers = new ArrayList<>();
    for (int[] s : shapes) {
      float[] w = new float[s[0] * s[1]];
      float[] bias = new float[s[1]];
      fb.get(w).get(bias);
      layers.add(new LinearHead(s[0], s[1], w, bias));
    }
    return new FeatureHead(mean, std, layers);
  }

  float[] mean() {
    return mean;
  }

  float[] std() {
    return std;
  }
}
