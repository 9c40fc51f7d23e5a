package io.lensbench.encoders.joint;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import io.lensbench.core.InfrastructureException;
import io.lensbench.encoders.Vectors;
import java.util.ArrayList;
import java.util.List;

/** Runs the image tower in inference mode (batch norm uses running statistics: batch-independent). */
final class ImageTowerRunner {
  private ImageTowerRunner() {}

  /** A batch of CHW float pixels. */
  record Pixels(float[] chw, int count, int size) {}

  static final class TowerTranslator implements NoBatchifyTranslator<Pixels, float[][]> {
    @Override
    public NDList processInput(TranslatorContext ctx, Pixels p) {
      return new NDList(ctx.getNDManager().create(p.chw(), new Shape(p.count(), 3, p.size(), p.size())));
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
      NDArray a = list.singletonOrThrow();
      int n = (int) a.getShape().get(0);
      int d = (int) a.getShape().get(1);
      float[] flat = a.toFloatArray();
      float[][] out = new float[n][d];
      for (int i = 0; i < n; i++) {
        System.arraycopy(flat, i * d, out[i], 0, d);
        Vectors.normalizeInPlace(out[i]);
      }
      return out;
    }
  }

  /** Embeds images (HWC bytes) in batches; one predictor for the call. */
  static List<float[]> embed(Model model, List<byte[]> images, int size, int batch) {
    List<float[]> out = new ArrayList<>(images.size());
    int plane = 3 * size * size;
    try (Predictor<Pixels, float[][]> pred = model.newPredictor(new TowerTranslator())) {
      for (int s = 0; s < images.size(); s += batch) {
        int n = Math.min(batch, images.size() - s);
        float[] chw = new float[n * plane];
        for (int i = 0; i < n; i++) {
          ImagePixels.toChw(images.get(s + i), size, chw, i * plane, null, 0);
        }
        for (float[] v : pred.predict(new Pixels(chw, n, size))) {
          out.add(v);
        }
      }
    } catch (TranslateException e) {
      throw new InfrastructureException("image tower inference failed: " + e.getMessage(), e);
    }
    return out;
  }
}
