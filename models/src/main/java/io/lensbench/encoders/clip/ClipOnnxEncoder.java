package io.lensbench.encoders.clip;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
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
import io.lensbench.core.BadInputException;
import io.lensbench.core.Images;
import io.lensbench.core.InfrastructureException;
import io.lensbench.encoders.DjlEngines;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.ModelFiles;
import io.lensbench.encoders.Vectors;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A user-supplied CLIP-family model (CLIP, SigLIP, multilingual CLIP...) exported to ONNX, run by
 * DJL's ONNX Runtime engine. Folder layout (docs/encoders.md):
 *
 * <pre>
 *   image_encoder.onnx  float32 [batch, 3, size, size] → [batch, dim]  (first output)
 *   text_encoder.onnx   int64 input_ids [batch, tokens] (+ attention_mask if declared) → [batch, dim]
 *   tokenizer.json      HuggingFace tokenizer of the text tower
 *   preprocess.json     {"imageSize":224,"mean":[..3],"std":[..3],"maxTextLength":77, ...}
 * </pre>
 *
 * Vectors are L2-normalised; image+text = normalised sum of both unit vectors.
 */
public final class ClipOnnxEncoder implements JointEncoder {
  private final ClipPreprocess pre;
  private final HuggingFaceTokenizer tokenizer;
  private final ZooModel<float[][], float[][]> imageModel;
  private final ZooModel<long[][][], float[][]> textModel;
  private final Set<String> textInputs;
  private final int batchSize;
  private final int dimension;

  private ClipOnnxEncoder(ClipPreprocess pre, HuggingFaceTokenizer tok,
      ZooModel<float[][], float[][]> img, ZooModel<long[][][], float[][]> txt, Set<String> names,
      int batchSize) {
    this.pre = pre;
    this.tokenizer = tok;
    this.imageModel = img;
    this.textModel = txt;
    this.textInputs = names;
    this.batchSize = batchSize;
    this.dimension = embedTexts(List.of("dimension probe")).get(0).length;
  }

  /** Opens a model folder; batch 16 images / texts per ONNX call. */
  public static ClipOnnxEncoder open(Path dir) {
    return open(dir, 16);
  }

  public static ClipOnnxEncoder open(Path dir, int batchSize) {
    for (String f : List.of("image_encoder.onnx", "text_encoder.onnx", "tokenizer.json",
        "preprocess.json")) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        throw new BadInputException("CLIP model folder " + dir + ": expected file " + f
            + " (layout: image_encoder.onnx, text_encoder.onnx, tokenizer.json, preprocess.json),"
            + " found nothing");
      }
    }
    ClipPreprocess pre = ClipPreprocess.read(dir.resolve("preprocess.json"),
        "clip:" + dir.getFileName() + "@" + ModelFiles.folderFingerprint(dir));
    DjlEngines.onnxRuntime();
    HuggingFaceTokenizer tok = null;
    ZooModel<float[][], float[][]> img = null;
    ZooModel<long[][][], float[][]> txt = null;
    try {
      HuggingFaceTokenizer.Builder tb = HuggingFaceTokenizer.builder()
          .optTokenizerPath(dir.resolve("tokenizer.json"))
          .optTruncation(true)
          .optMaxLength(pre.maxTextLength());
      if (pre.padToMaxLength()) {
        tb.optPadToMaxLength();
      } else {
        tb.optPadding(true);
      }
      tok = tb.build();
      int size = pre.imageSize();
      img = Criteria.builder()
          .setTypes(float[][].class, float[][].class)
          .optModelPath(dir)
          .optModelName("image_encoder")
          .optEngine("OnnxRuntime")
          .optTranslator(new ImageTranslator(size))
          .build()
          .loadModel();
      Set<String> names = new HashSet<>();
      TextTranslator tt = new TextTranslator(names);
      txt = Criteria.builder()
          .setTypes(long[][][].class, float[][].class)
          .optModelPath(dir)
          .optModelName("text_encoder")
          .optEngine("OnnxRuntime")
          .optTranslator(tt)
          .build()
          .loadModel();
      if (txt.describeInput() != null) {
        names.addAll(txt.describeInput().keys());
      }
      ClipOnnxEncoder enc = new ClipOnnxEncoder(pre, tok, img, txt, names, batchSize);
      tok = null;
      img = null;
      txt = null;
      return enc;
    } catch (IOException | ModelNotFoundException | MalformedModelException e) {
      throw new InfrastructureException("CLIP model folder " + dir + ": could not load: "
          + e.getMessage(), e);
    } finally {
      if (txt != null) {
        txt.close();
      }
      if (img != null) {
        img.close();
      }
      if (tok != null) {
        tok.close();
      }
    }
  }

  @Override
  public String id() {
    return pre.id();
  }

  @Override
  public int dimension() {
    return dimension;
  }

  public ClipPreprocess preprocess() {
    return pre;
  }

  @Override
  public List<float[]> embedImages(List<Path> images) {
    List<BufferedImage> decoded = new ArrayList<>(images.size());
    for (Path p : images) {
      decoded.add(Images.read(p));
    }
    return embedDecoded(decoded);
  }

  /** Embeds in-memory images. */
  public List<float[]> embedDecoded(List<BufferedImage> images) {
    List<float[]> out = new ArrayList<>(images.size());
    try (Predictor<float[][], float[][]> p = imageModel.newPredictor()) {
      for (int s = 0; s < images.size(); s += batchSize) {
        int n = Math.min(batchSize, images.size() - s);
        float[][] batch = new float[n][];
        for (int i = 0; i < n; i++) {
          batch[i] = pixels(images.get(s + i));
        }
        for (float[] v : p.predict(batch)) {
          out.add(Vectors.normalizeInPlace(v));
        }
      }
    } catch (TranslateException e) {
      throw new InfrastructureException("CLIP '" + id() + "': image inference failed: "
          + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public List<float[]> embedTexts(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    try (Predictor<long[][][], float[][]> p = textModel.newPredictor()) {
      for (int s = 0; s < texts.size(); s += batchSize) {
        List<String> chunk = texts.subList(s, Math.min(texts.size(), s + batchSize));
        Encoding[] enc = tokenizer.batchEncode(chunk);
        long[][] ids = new long[enc.length][];
        long[][] mask = new long[enc.length][];
        for (int i = 0; i < enc.length; i++) {
          ids[i] = enc[i].getIds();
          mask[i] = enc[i].getAttentionMask();
        }
        for (float[] v : p.predict(new long[][][] {ids, mask})) {
          out.add(Vectors.normalizeInPlace(v));
        }
      }
    } catch (TranslateException e) {
      throw new InfrastructureException("CLIP '" + id() + "': text inference failed: "
          + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public float[] embedImageText(Path image, String text) {
    float[] a = embedImages(List.of(image)).get(0);
    float[] b = embedTexts(List.of(text)).get(0);
    float[] s = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      s[i] = a[i] + b[i];
    }
    return Vectors.normalizeInPlace(s);
  }

  /** Resize (centre crop or letterbox), scale to 0..1, normalise per channel, CHW. */
  float[] pixels(BufferedImage src) {
    int size = pre.imageSize();
    BufferedImage dst = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = dst.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
          RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, size, size);
      double sx = (double) size / src.getWidth();
      double sy = (double) size / src.getHeight();
      double scale = pre.resize().equals("letterbox") ? Math.min(sx, sy) : Math.max(sx, sy);
      int w = Math.max(1, (int) Math.round(src.getWidth() * scale));
      int h = Math.max(1, (int) Math.round(src.getHeight() * scale));
      g.drawImage(src, (size - w) / 2, (size - h) / 2, w, h, null);
    } finally {
      g.dispose();
    }
    float[] out = new float[3 * size * size];
    int plane = size * size;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int rgb = dst.getRGB(x, y);
        int o = y * size + x;
        out[o] = (((rgb >> 16) & 0xff) / 255f - pre.mean()[0]) / pre.std()[0];
        out[o + plane] = (((rgb >> 8) & 0xff) / 255f - pre.mean()[1]) / pre.std()[1];
        out[o + 2 * plane] = ((rgb & 0xff) / 255f - pre.mean()[2]) / pre.std()[2];
      }
    }
    return out;
  }

  @Override
  public void close() {
    try {
      textModel.close();
      imageModel.close();
    } finally {
      tokenizer.close();
    }
  }

  private static float[][] rows(NDArray a) {
    Shape s = a.getShape();
    if (s.dimension() != 2) {
      throw new InfrastructureException("CLIP encoder output expected shape [batch, dim], found "
          + s);
    }
    int n = (int) s.get(0);
    int d = (int) s.get(1);
    float[] flat = a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
    float[][] out = new float[n][d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * d, out[i], 0, d);
    }
    return out;
  }

  private static final class ImageTranslator implements NoBatchifyTranslator<float[][], float[][]> {
    private final int size;

    ImageTranslator(int size) {
      this.size = size;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[][] batch) {
      float[] flat = new float[batch.length * 3 * size * size];
      for (int i = 0; i < batch.length; i++) {
        System.arraycopy(batch[i], 0, flat, i * batch[i].length, batch[i].length);
      }
      return new NDList(ctx.getNDManager().create(flat, new Shape(batch.length, 3, size, size)));
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
      return rows(list.get(0));
    }
  }

  /** Input: {ids, attention mask}; sends the inputs the model declares. */
  private static final class TextTranslator implements NoBatchifyTranslator<long[][][], float[][]> {
    private final Set<String> names;

    TextTranslator(Set<String> names) {
      this.names = names;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, long[][][] in) {
      NDArray ids = ctx.getNDManager().create(in[0]);
      if (names.contains("input_ids")) {
        ids.setName("input_ids");
      }
      NDList list = new NDList(ids);
      if (names.isEmpty() || names.contains("attention_mask")) {
        NDArray mask = ctx.getNDManager().create(in[1]);
        if (names.contains("attention_mask")) {
          mask.setName("attention_mask");
        }
        list.add(mask);
      }
      return list;
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
      return rows(list.get(0));
    }
  }
}
