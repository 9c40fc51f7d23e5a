package io.lensbench.encoders.joint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Manual: re-evaluates a saved joint model on a shared source. Args: SOURCE MODEL_DIR. */
public final class EvalJointMain {
  private EvalJointMain() {}

  public static void main(String[] args) throws Exception {
    List<FashionCsv.Row> rows = FashionCsv.read(FashionCsv.source(args[0]), 0);
    List<TrainExample> train = FashionCsv.train(rows);
    List<EvalItem> held = FashionCsv.heldOut(rows);
    try (TrainedJointEncoder enc = TrainedJointEncoder.open(Path.of(args[1]))) {
      List<String> descs = new ArrayList<>();
      List<String> types = new ArrayList<>();
      for (TrainExample e : train) {
        descs.add(e.description());
        types.add(e.articleType());
      }
      var vecs = enc.textEncoder().embed(descs, io.lensbench.encoders.TextEncoder.Role.PASSAGE);
      long t0 = System.nanoTime();
      List<float[]> iv = enc.embedImages(held.stream().map(EvalItem::image).toList());
      double s = (System.nanoTime() - t0) / 1e9;
      JointMetrics m = JointMetrics.evaluate(held, iv, enc.textEncoder(),
          JointMetrics.prototypes(types, vecs));
      System.out.println(m);
      System.out.printf(Locale.ROOT, "images: %d in %.1f s = %.1f/s (decode + 64x64 + CNN)%n",
          iv.size(), s, iv.size() / s);
    }
  }
}
