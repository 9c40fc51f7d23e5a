package io.lensbench.encoders.joint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.BadInputException;
import io.lensbench.core.InfrastructureException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * EfficientNet-Lite0 as a trainable DJL block (PyTorch engine), built from the preparation's
 * {@code folded-weights.json} and loaded from {@code folded-weights.bin}: the same convolutions as
 * the ONNX model (BatchNorm folded, so nothing but convolutions and ReLU6 is trained), TF "SAME"
 * padding (stride 2: the extra row and column at the bottom and right), input {@code (x − 127) /
 * 128}, global average pool → 1280-d features. No torch needed (docs/decisions.md#torch-cuda-only).
 */
final class LiteBackbone {
  /** One convolution: its kernel, stride, groups, activation and where its block's residual starts. */
  record Layer(String name, long[] weightShape, long weightOffset, long biasOffset, int kernel,
      int stride, int groups, boolean relu6, String residualFrom) {
    String block() {
      return name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    }
  }

  private final List<Layer> layers;
  private final List<Conv2d> convs = new ArrayList<>();
  private final Block block;

  private LiteBackbone(List<Layer> layers) {
    this.layers = layers;
    this.block = build();
  }

  /** The layout of the prepared model folder's folded weights. */
  static LiteBackbone fromFolder(Path dir) {
    Path json = dir.resolve("folded-weights.json");
    try {
      JsonNode tensors = new ObjectMapper().readTree(json.toFile()).path("tensors");
      List<Layer> layers = new ArrayList<>();
      for (int i = 0; i + 1 < tensors.size(); i += 2) {
        JsonNode w = tensors.get(i);
        JsonNode b = tensors.get(i + 1);
        long[] shape = new long[w.path("shape").size()];
        for (int d = 0; d < shape.length; d++) {
          shape[d] = w.path("shape").get(d).asLong();
        }
        String name = w.path("name").asText();
        layers.add(new Layer(name.substring(0, name.length() - ".weight".length()), shape,
            w.path("offset").asLong(), b.path("offset").asLong(), w.path("kernel").asInt(),
            w.path("stride").asInt(), w.path("groups").asInt(), w.path("relu6").asBoolean(),
            w.path("residualFrom").isNull() ? null : w.path("residualFrom").asText()));
      }
      return new LiteBackbone(layers);
    } catch (IOException e) {
      throw new BadInputException(json + ": expected the preparation's folded-weights index,"
          + " found " + e.getMessage(), e);
    }
  }

  Block block() {
    return block;
  }

  private Block build() {
    SequentialBlock net = new SequentialBlock();
    net.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().sub(127f).mul(1f / 128f)),
        "normalise"));
    int i = 0;
    while (i < layers.size()) {
      String name = layers.get(i).block();
      SequentialBlock group = new SequentialBlock();
      String residual = null;
      while (i < layers.size() && layers.get(i).block().equals(name)) {
        Layer l = layers.get(i++);
        addConv(group, l);
        residual = residual != null ? residual : l.residualFrom();
      }
      net.add(residual == null ? group : new ParallelBlock(
          list -> new NDList(list.get(0).singletonOrThrow().add(list.get(1).singletonOrThrow())),
          List.of(group, Blocks.identityBlock())));
    }
    return net.add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock());
  }

  private void addConv(SequentialBlock group, Layer l) {
    int k = l.kernel();
    Conv2d.Builder b = Conv2d.builder().setKernelShape(new Shape(k, k))
        .setFilters((int) l.weightShape()[0]).optStride(new Shape(l.stride(), l.stride()))
        .optGroups(l.groups()).optBias(true);
    if (l.stride() == 1) {
      b.optPadding(new Shape((k - 1) / 2, (k - 1) / 2));
    } else {
      int before = (k - 2) / 2;
      int after = k - 2 - before;
      group.add(new LambdaBlock(x -> new NDList(pad(x.singletonOrThrow(), before, after)),
          "same-pad"));
    }
    Conv2d conv = b.build();
    convs.add(conv);
    group.add(conv);
    if (l.relu6()) {
      group.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().clip(0f, 6f)), "relu6"));
    }
  }

  /** Zero padding of the two spatial axes: {@code before} rows/columns first, {@code after} last. */
  static NDArray pad(NDArray x, int before, int after) {
    NDManager m = x.getManager();
    NDArray y = x;
    for (int axis = 2; axis <= 3; axis++) {
      Shape s = y.getShape();
      NDList parts = new NDList();
      if (before > 0) {
        parts.add(m.zeros(shapeWith(s, axis, before), y.getDataType()));
      }
      parts.add(y);
      if (after > 0) {
        parts.add(m.zeros(shapeWith(s, axis, after), y.getDataType()));
      }
      y = NDArrays.concat(parts, axis);
    }
    return y;
  }

  private static Shape shapeWith(Shape s, int axis, long size) {
    long[] dims = s.getShape().clone();
    dims[axis] = size;
    return new Shape(dims);
  }

  /** Copies the folded weights into the initialised convolutions. */
  void load(Path bin) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(bin);
    } catch (IOException e) {
      throw new InfrastructureException("cannot read " + bin + ": " + e.getMessage(), e);
    }
    FloatBuffer all = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    for (int i = 0; i < layers.size(); i++) {
      Layer l = layers.get(i);
      var params = convs.get(i).getParameters();
      copy(all, l.weightOffset(), params.get("weight").getArray());
      copy(all, l.biasOffset(), params.get("bias").getArray());
    }
  }

  private static void copy(FloatBuffer all, long byteOffset, NDArray target) {
    float[] data = new float[(int) target.size()];
    all.position((int) (byteOffset / 4));
    all.get(data);
    target.set(FloatBuffer.wrap(data));
  }
}
