package io.lensbench.encoders.joint;

import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.TextEncoders;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Manual long run: java ... TrainFashionMain SOURCE EPOCHS OUTDIR [LIMIT]. */
public final class TrainFashionMain {
  private TrainFashionMain() {}

  public static void main(String[] args) throws Exception {
    Path src = FashionCsv.source(args[0]);
    int epochs = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    int limit = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    List<FashionCsv.Row> rows = FashionCsv.read(src, limit);
    try (TextEncoder text = TextEncoders.open(TextEncoders.DEFAULT_ID)) {
      JointTrainer.Result r =
          new JointTrainer(JointTrainingConfig.defaults().withEpochs(epochs), System.out::println)
              .checkpointEachEpoch(true)
              .train(FashionCsv.train(rows), FashionCsv.heldOut(rows), text, out,
                  Map.of("dataset", args[0], "split", "sha256(id)[0] < 51 held out (20%)"));
      System.out.println(r.metrics());
    }
  }
}
