package io.lensbench.encoders.pretrained;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import io.lensbench.core.InfrastructureException;
import io.lensbench.encoders.DjlEngines;
import io.lensbench.encoders.ModelFiles;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.Vectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Google's Universal Sentence Encoder multilingual v3 (16 languages, Korean and English in one
 * 512-d space), int8 ONNX without its tokenizer op, run by DJL's ONNX Runtime engine. The
 * tokenizer.json written by the preparation reproduces SentencePiece's ids ({@code <s>} ids
 * {@code </s>}); the model takes them as {@code token_ids} (int32) plus {@code row_splits}
 * (int64). <b>One text per call</b>: the dynamic int8 quantisation scales activations over the
 * whole batch, so batching would make a text's vector depend on its neighbours. ONNX Runtime runs
 * with one intra-op thread (several threads spin and slow down under load; callers parallelise).
 * The id carries the weights fingerprint: {@code use-multilingual-v3@<sha12>}. Facts relied on:
 * docs/decisions.md#use-multilingual-onnx, #int8-batching, #ort-threads.
 */
public final class UseTextEncoder implements TextEncoder {
  public static final String NAME = PretrainedModels.USE;
  public static final int DIMENSION = 512;

  private final String id;
  private final HuggingFaceTokenizer tokenizer;
  private final ZooModel<int[], float[]> model;

  private UseTextEncoder(String id, HuggingFaceTokenizer tokenizer, ZooModel<int[], float[]> model) {
    this.id = id;
    this.tokenizer = tokenizer;
    this.model = model;
  }

  /** The id of the model in a prepared folder, without loading it. */
  public static String idOf(Path dir) {
    List<Path> files = List.of(dir.resolve("model.onnx"), dir.resolve("tokenizer.json"));
    for (Path p : files) {
      if (!Files.isRegularFile(p)) {
        throw new InfrastructureException("text encoder '" + NAME + "': expected " + p
            + " (run: lensbench models prepare), found nothing");
      }
    }
    return NAME + "@" + ModelFiles.fingerprint(files);
  }

  /** Opens the model in a prepared folder ({@code model.onnx} + {@code tokenizer.json}). */
  public static UseTextEncoder open(Path dir) {
    String id = idOf(dir);
    Path onnx = dir.resolve("model.onnx");
    Path tok = dir.resolve("tokenizer.json");
    DjlEngines.onnxRuntime();
    HuggingFaceTokenizer t = null;
    try {
      t = HuggingFaceTokenizer.builder().optTokenizerPath(tok).optAddSpecialTokens(true)
          .optTruncation(false).optPadding(false).build();
      ZooModel<int[], float[]> m = Criteria.builder()
          .setTypes(int[].class, float[].class)
          .optModelPath(dir)
          .optModelName("model")
          .optEngine("OnnxRuntime")
          .optOption("intraOpNumThreads", "1")
          .optOption("interOpNumThreads", "1")
          .optTranslator(new OneText())
          .build()
          .loadModel();
      UseTextEncoder enc = new UseTextEncoder(id, t, m);
      t = null;
      return enc;
    } catch (IOException | ModelNotFoundException | MalformedModelException e) {
      throw new InfrastructureException("text encoder '" + NAME + "': could not load " + onnx + ": "
          + e.getMessage(), e);
    } finally {
      if (t != null) {
        t.close();
      }
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

  /** The token ids of a text: {@code 1}, SentencePiece ids, {@code 2}. */
  public long[] tokenIds(String text) {
    return tokenizer.encode(text == null ? "" : text).getIds();
  }

  /** Embeds each text in its own call (bit-stable); the role does not matter to USE. */
  @Override
  public List<float[]> embed(List<String> texts, Role role) {
    List<float[]> out = new ArrayList<>(texts.size());
    if (texts.isEmpty()) {
      return out;
    }
    try (Predictor<int[], float[]> predictor = model.newPredictor()) {
      for (String t : texts) {
        long[] ids = tokenIds(t);
        int[] ints = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
          ints[i] = (int) ids[i];
        }
        out.add(Vectors.normalizeInPlace(predictor.predict(ints)));
      }
    } catch (TranslateException e) {
      throw new InfrastructureException("text encoder '" + id + "': inference failed: "
          + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public void close() {
    try {
      model.close();
    } finally {
      tokenizer.close();
    }
  }

  /** One text's ids → {@code token_ids} + {@code row_splits [0, n]} → its 512-d vector. */
  private static final class OneText implements NoBatchifyTranslator<int[], float[]> {
    @Override
    public NDList processInput(TranslatorContext ctx, int[] ids) {
      NDManager m = ctx.getNDManager();
      NDArray tokenIds = m.create(ids);
      tokenIds.setName("token_ids");
      NDArray rowSplits = m.create(new long[] {0, ids.length});
      rowSplits.setName("row_splits");
      return new NDList(tokenIds, rowSplits);
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
      return list.get(0).toFloatArray();
    }
  }
}
