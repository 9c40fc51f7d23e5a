package io.lensbench.encoders.pretrained;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import io.lensbench.core.InfrastructureException;
import io.lensbench.encoders.DjlEngines;
import io.lensbench.encoders.ImageEncoder;
import io.lensbench.encoders.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * EfficientNet-Lite0 (ImageNet-1k) pooled 1280-d features, ONNX run by DJL's ONNX Runtime engine
 * (one intra-op thread). Preprocessing, the same as the preparation's Python reference: decode to
 * RGB ({@link RgbImage}), resize the whole image to 224 × 224 with Pillow's BILINEAR ({@link
 * PilResize}), NCHW floats 0..255; the graph itself normalises with EfficientNet-Lite's {@code
 * (x − 127) / 128}. Batches of 32 (batching does not change a vector). Id {@code
 * efficientnet-lite0@<sha12 of model.onnx>}. Facts relied on: docs/decisions.md#effnet-preprocessing,
 * #pillow-bilinear, #ort-threads.
 */
public final class EfficientNetLite0 implements ImageEncoder {
  public static final String NAME = PretrainedModels.EFFICIENTNET;
  public static final int SIZE = 224;
  public static final int DIMENSION = 1280;
  private static final int BATCH = 32;

  /** A batch of NCHW pixels. */
  private record Pixels(float[] nchw, int count) {}

  private final String id;
  private final ZooModel<Pixels, float[][]> model;

  private EfficientNetLite0(String id, ZooModel<Pixels, float[][]> model) {
    this.id = id;
    this.model = model;
  }

  /** The id of the model in a prepared folder, without loading it. */
  public static String idOf(Path dir) {
    return NAME + "@" + ModelFiles.fingerprint(List.of(dir.resolve("model.onnx")));
  }

  /** Opens the model in a prepared folder ({@code model.onnx}). */
  public static EfficientNetLite0 open(Path dir) {
    Path onnx = dir.resolve("model.onnx");
    if (!Files.isRegularFile(onnx)) {
      throw new InfrastructureException("image encoder '" + NAME + "': expected " + onnx
          + " (run: lensbench models prepare), found nothing");
    }
    DjlEngines.onnxRuntime();
    try {
      ZooModel<Pixels, float[][]> m = Criteria.builder()
          .setTypes(Pixels.class, float[][].class)
          .optModelPath(dir)
          .optModelName("model")
          .optEngine("OnnxRuntime")
          .optOption("intraOpNumThreads", "1")
          .optOption("interOpNumThreads", "1")
          .optTranslator(new Features())
          .build()
          .loadModel();
      return new EfficientNetLite0(idOf(dir), m);
    } catch (IOException | ModelNotFoundException | MalformedModelException e) {
      throw new InfrastructureException("image encoder '" + NAME + "': could not load " + onnx + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public List<float[]> embed(List<Path> images) {
    List<byte[]> pixels = new ArrayList<>(images.size());
    for (Path p : images) {
      pixels.add(RgbImage.read(p).resized(SIZE));
    }
    return embedPixels(pixels);
  }

  /** Features of images already resized to 224 × 224 packed RGB. */
  public List<float[]> embedPixels(List<byte[]> rgb224) {
    List<float[]> out = new ArrayList<>(rgb224.size());
    int plane = SIZE * SIZE;
    for (int s = 0; s < rgb224.size(); s += BATCH) {
      int n = Math.min(BATCH, rgb224.size() - s);
      float[] nchw = new float[n * 3 * plane];
      for (int i = 0; i < n; i++) {
        byte[] rgb = rgb224.get(s + i);
        int base = i * 3 * plane;
        for (int p = 0; p < plane; p++) {
          nchw[base + p] = rgb[p * 3] & 0xff;
          nchw[base + plane + p] = rgb[p * 3 + 1] & 0xff;
          nchw[base + 2 * plane + p] = rgb[p * 3 + 2] & 0xff;
        }
      }
      out.addAll(List.of(embedNchw(nchw, n)));
    }
    return out;
  }

  /** Features of n images given as NCHW floats in the graph's input scale (0..255). */
  public float[][] embedNchw(float[] nchw, int n) {
    try (Predictor<Pixels, float[][]> predictor = model.newPredictor()) {
      return predictor.predict(new Pixels(nchw, n));
    } catch (TranslateException e) {
      throw new InfrastructureException("image encoder '" + id + "': inference failed: "
          + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    model.close();
  }

  /** {@code pixels} [n, 3, 224, 224] → {@code features} [n, 1280]. */
  private static final class Features implements NoBatchifyTranslator<Pixels, float[][]> {
    @Override
    public NDList processInput(TranslatorContext ctx, Pixels p) {
      NDArray x = ctx.getNDManager().create(p.nchw(), new Shape(p.count(), 3, SIZE, SIZE));
      x.setName("pixels");
      return new NDList(x);
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
      NDArray f = list.get(0);
      for (NDArray a : list) {
        if ("features".equals(a.getName())) {
          f = a;
        }
      }
      int n = (int) f.getShape().get(0);
      float[] flat = f.toFloatArray();
      float[][] out = new float[n][DIMENSION];
      for (int i = 0; i < n; i++) {
        System.arraycopy(flat, i * DIMENSION, out[i], 0, DIMENSION);
      }
      return out;
    }
  }
}
