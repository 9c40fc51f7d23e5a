package io.lensbench.encoders.joint;

import io.lensbench.core.LensBenchHome;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.DatasetLoader;
import io.lensbench.encoders.CachedImageEncoder;
import io.lensbench.encoders.ImageEncoder;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.JointEncoders;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.TextEncoders;
import io.lensbench.encoders.Vectors;
import io.lensbench.encoders.pretrained.EfficientNetLite0;
import io.lensbench.encoders.pretrained.PretrainedModels;
import io.lensbench.encoders.pretrained.RgbImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Manual measurements behind docs/encoders.md, on a built dataset whose variants are trained
 * (lensbench train joint --variant ...): (1) ensembles of the trained variants at equal weights,
 * English and Korean held-out numbers; (2) with "preprocessing", the EfficientNet input
 * preprocessing choices through the ridge head. Args: DATASET_DIR [preprocessing].
 */
public final class JointProbeMain {
  private JointProbeMain() {}

  public static void main(String[] args) throws Exception {
    Dataset ds = DatasetLoader.load(Path.of(args[0]));
    JointModels.Inputs in = JointModels.fromDataset(ds);
    List<Path> heldImages = in.heldOut().stream().map(EvalItem::image).toList();
    Map<String, List<float[]>> vecs = new LinkedHashMap<>();
    TextEncoder use = null;
    for (JointVariant v : List.of(JointVariant.CNN_USE, JointVariant.EFFNET_RIDGE,
        JointVariant.EFFNET_MLP)) {
      try (JointEncoder enc = JointEncoders.open(JointModels.dir(ds, v))) {
        vecs.put(v.id(), enc.embedImages(heldImages));
      }
    }
    use = TextEncoders.open(TextEncoders.USE_ID);
    List<List<String>> combos = List.of(List.of("cnn-use", "effnet-ridge"),
        List.of("cnn-use", "effnet-mlp"), List.of("effnet-ridge", "effnet-mlp"),
        List.of("cnn-use", "effnet-ridge", "effnet-mlp"));
    for (String one : vecs.keySet()) {
      report(one, JointMetrics.evaluate(in.heldOut(), vecs.get(one), use));
    }
    for (List<String> c : combos) {
      report(String.join(" + ", c), JointMetrics.evaluate(in.heldOut(), average(c, vecs), use));
    }
    if (args.length > 1 && args[1].equals("preprocessing")) {
      preprocessing(in, use);
    }
    if (args.length > 1 && args[1].equals("korean")) {
      korean(in, use, vecs);
    }
    use.close();
  }

  private static List<float[]> average(List<String> members, Map<String, List<float[]>> vecs) {
    List<float[]> out = new ArrayList<>();
    int n = vecs.get(members.get(0)).size();
    for (int i = 0; i < n; i++) {
      float[] s = new float[vecs.get(members.get(0)).get(i).length];
      for (String m : members) {
        float[] v = vecs.get(m).get(i);
        for (int j = 0; j < s.length; j++) {
          s[j] += v[j] / members.size();
        }
      }
      out.add(Vectors.normalizeInPlace(s));
    }
    return out;
  }

  private static void report(String name, JointMetrics m) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "%-40s EN s@10 %.3f MRR %.3f (chance %.4f / %.4f)", name, m.successAt10(), m.mrr(),
        m.chanceSuccessAt10(), m.chanceMrr()));
    m.translated().forEach((l, r) -> b.append(String.format(Locale.ROOT, " | %s s@10 %.3f MRR %.3f",
        l, r.successAt10(), r.mrr())));
    System.out.println(b);
  }

  /** Ridge heads trained on English/Korean mixed targets, alone and fused with the CNN. */
  private static void korean(JointModels.Inputs in, TextEncoder use, Map<String, List<float[]>> vecs)
      throws Exception {
    Path dir = PretrainedModels.require(LensBenchHome.resolve()).model(PretrainedModels.EFFICIENTNET);
    try (ImageEncoder net = new CachedImageEncoder(EfficientNetLite0.open(dir),
        LensBenchHome.resolve().resolve("cache"))) {
      for (double w : new double[] {0.25, 0.5}) {
        Path out = Files.createTempDirectory("probe");
        JointTrainer.Result r = new HeadTrainer(HeadConfig.ridge().withKoreanWeight(w),
            System.err::println).train(in.train(), in.heldOut(), net, use, out, Map.of());
        report("ridge, korean weight " + w, r.metrics());
        try (JointEncoder enc = JointEncoders.open(out)) {
          vecs.put("ridge-ko" + w, enc.embedImages(in.heldOut().stream().map(EvalItem::image).toList()));
        }
        report("cnn-use + ridge, korean weight " + w, JointMetrics.evaluate(in.heldOut(),
            average(List.of("cnn-use", "ridge-ko" + w), vecs), use));
      }
    }
  }

  /** Ridge held-out numbers with three preprocessing choices of the EfficientNet input. */
  private static void preprocessing(JointModels.Inputs in, TextEncoder use) throws Exception {
    Path dir = PretrainedModels.require(LensBenchHome.resolve()).model(PretrainedModels.EFFICIENTNET);
    try (EfficientNetLite0 net = EfficientNetLite0.open(dir)) {
      Map<String, ImageEncoder> choices = new LinkedHashMap<>();
      choices.put("stretch 224, (x-127)/128 (shipped)",
          new CachedImageEncoder(EfficientNetLite0.open(dir), LensBenchHome.resolve().resolve("cache")));
      choices.put("stretch 224, ImageNet mean/std", new Alternative(net, "imagenet", false));
      choices.put("letterbox 224 on white, (x-127)/128", new Alternative(net, "lite", true));
      for (Map.Entry<String, ImageEncoder> c : choices.entrySet()) {
        Path out = Files.createTempDirectory("probe");
        JointTrainer.Result r = new HeadTrainer(HeadConfig.ridge(), System.err::println)
            .train(in.train(), in.heldOut(), c.getValue(), use, out, Map.of());
        report("ridge, " + c.getKey(), r.metrics());
      }
    }
  }

  /** EfficientNet features with another preprocessing (not cached; never closes the net). */
  private record Alternative(EfficientNetLite0 net, String norm, boolean letterbox)
      implements ImageEncoder {
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    @Override
    public String id() {
      return net.id() + "+" + norm + (letterbox ? "+letterbox" : "");
    }

    @Override
    public int dimension() {
      return EfficientNetLite0.DIMENSION;
    }

    @Override
    public List<float[]> embed(List<Path> images) {
      List<float[]> out = new ArrayList<>();
      int plane = 224 * 224;
      for (int s = 0; s < images.size(); s += 32) {
        int n = Math.min(32, images.size() - s);
        float[] nchw = new float[n * 3 * plane];
        for (int i = 0; i < n; i++) {
          byte[] rgb = pixels(images.get(s + i));
          for (int p = 0; p < plane; p++) {
            for (int ch = 0; ch < 3; ch++) {
              float v = rgb[p * 3 + ch] & 0xff;
              nchw[i * 3 * plane + ch * plane + p] = norm.equals("imagenet")
                  ? 127f + 128f * ((v / 255f - MEAN[ch]) / STD[ch]) : v;
            }
          }
        }
        out.addAll(List.of(net.embedNchw(nchw, n)));
      }
      return out;
    }

    private byte[] pixels(Path p) {
      if (!letterbox) {
        return RgbImage.read(p).resized(224);
      }
      try {
        BufferedImage src = ImageIO.read(p.toFile());
        BufferedImage dst = new BufferedImage(224, 224, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = dst.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 224, 224);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        double scale = Math.min(224.0 / src.getWidth(), 224.0 / src.getHeight());
        int w = (int) Math.round(src.getWidth() * scale);
        int h = (int) Math.round(src.getHeight() * scale);
        g.drawImage(src, (224 - w) / 2, (224 - h) / 2, w, h, null);
        g.dispose();
        return RgbImage.of(dst).rgb();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public void close() {}
  }
}
