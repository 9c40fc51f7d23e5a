package io.lensbench.encoders.joint;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.ndarray.types.Shape;

/**
 * The image tower of LensBench's joint model: 4 conv blocks (3×3 conv 32/64/128/256 + batch norm
 * + ReLU + 2×2 max pool), global average pool, linear → text dimension (≈0.49 M parameters for
 * 384-d). Parameter files only reload into this exact block, so its layout is versioned.
 */
public final class ImageTower {
  /** Bump when the block layout changes (stored in the model card). */
  public static final String ARCHITECTURE = "cnn4-32-64-128-256-bn-gap-linear/v1";

  private ImageTower() {}

  public static Block build(int outDim) {
    SequentialBlock net = new SequentialBlock();
    for (int ch : new int[] {32, 64, 128, 256}) {
      net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
              .setFilters(ch).build())
          .add(BatchNorm.builder().build())
          .add(Activation::relu)
          .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
    }
    net.add(Pool.globalAvgPool2dBlock())
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(outDim).build());
    return net;
  }
}
