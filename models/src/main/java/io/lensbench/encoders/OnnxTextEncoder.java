package io.lensbench.encoders;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import ai.djl.util.PairList;
import io.lensbench.core.InfrastructureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sentence-embedding ONNX model run by DJL's ONNX Runtime engine: HuggingFace tokenizer from
 * the model folder, token vectors pooled (mean or CLS) and L2-normalised in plain Java.
 *
 * <p>Thread-safe: each {@link #embed} call opens its own {@link Predictor} (one per thread).
 */
public final class OnnxTextEncoder implements TextEncoder {

  private final OnnxTextModelSpec spec;
  private final HuggingFaceTokenizer tokenizer;
  private final ZooModel<Batch, Hidden> model;
  private final Set<String> inputNames;
  private final int dimension;

  /** Tokenised batch (plain Java). */
  record Batch(long[][] ids, long[][] mask, long[][] types) {}

  /** Model output: token vectors [batch, tokens, dim] as one flat array. */
  record Hidden(float[] data, int batch, int tokens, int dim) {}

  public OnnxTextEncoder(OnnxTextModelSpec spec) {
    this.spec = spec;
    DjlEngines.onnxRuntime();
    Path modelFile = spec.dir().resolve("model.onnx");
    Path tokFile = spec.dir().resolve("tokenizer.json");
    for (Path p : List.of(modelFile, tokFile)) {
      if (!Files.isRegularFile(p)) {
        throw new InfrastructureException(
            "text encoder '" + spec.id() + "': expected file " + p + " (an ONNX sentence-embedding"
                + " folder holds model.onnx and tokenizer.json), found nothing");
      }
    }
    HuggingFaceTokenizer tok = null;
    ZooModel<Batch, Hidden> m = null;
    try {
      tok =
          HuggingFaceTokenizer.builder()
              .optTokenizerPath(tokFile)
              .optPadding(true)
              .optTruncation(true)
              .optMaxLength(spec.maxLength())
              .build();
      Criteria<Batch, Hidden> criteria =
          Criteria.builder()
              .setTypes(Batch.class, Hidden.class)
              .optModelPath(spec.dir())
              .optModelName("model")
              .optEngine("OnnxRuntime")
              .optTranslator(new BertTranslator(this))
              .build();
      m = criteria.loadModel();
      Set<String> names = new HashSet<>();
      PairList<String, Shape> in = m.describeInput();
      if (in != null) {
        names.addAll(in.keys());
      }
      this.inputNames = names;
      this.tokenizer = tok;
      this.model = m;
      tok = null;
      m = null;
    } catch (IOException | ModelNotFoundException | MalformedModelException e) {
      throw new InfrastructureException(
          "text encoder '" + spec.id() + "': could not load " + modelFile + ": " + e.getMessage(),
          e);
    } finally {
      if (m != null) {
        m.close();
      }
      if (tok != null) {
        tok.close();
      }
    }
    this.dimension = embed(List.of("dimension probe"), Role.PASSAGE).get(0).length;
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public int dimension() {
    return dimension;
  }

  public OnnxTextModelSpec spec() {
    return spec;
  }

  @Override
  public List<float[]> embed(List<String> texts, Role role) {
    List<float[]> out = new ArrayList<>(texts.size());
    if (texts.isEmpty()) {
      return out;
    }
    String prefix = role == Role.QUERY ? spec.queryPrefix() : spec.passagePrefix();
    try (Predictor<Batch, Hidden> predictor = model.newPredictor()) {
      for (int start = 0; start < texts.size(); start += spec.batchSize()) {
        List<String> chunk = texts.subList(start, Math.min(texts.size(), start + spec.batchSize()));
        List<String> prefixed = new ArrayList<>(chunk.size());
        for (String t : chunk) {
          prefixed.add(prefix + (t == null ? "" : t));
        }
        Batch batch = tokenize(prefixed);
        Hidden h = predictor.predict(batch);
        for (int b = 0; b < h.batch(); b++) {
          out.add(pool(h, b, batch.mask()[b]));
        }
      }
    } catch (TranslateException e) {
      throw new InfrastructureException(
          "text encoder '" + spec.id() + "': inference failed: " + e.getMessage(), e);
    }
    return out;
  }

  private Batch tokenize(List<String> texts) {
    Encoding[] enc = tokenizer.batchEncode(texts);
    long[][] ids = new long[enc.length][];
    long[][] mask = new long[enc.length][];
    long[][] types = new long[enc.length][];
    for (int i = 0; i < enc.length; i++) {
      ids[i] = enc[i].getIds();
      mask[i] = enc[i].getAttentionMask();
      types[i] = enc[i].getTypeIds();
    }
    return new Batch(ids, mask, types);
  }

  private float[] pool(Hidden h, int b, long[] mask) {
    int dim = h.dim();
    float[] v = new float[dim];
    int base = b * h.tokens() * dim;
    if (spec.pooling() == Pooling.CLS) {
      System.arraycopy(h.data(), base, v, 0, dim);
    } else {
      double[] acc = new double[dim];
      long n = 0;
      for (int t = 0; t < h.tokens(); t++) {
        if (t < mask.length && mask[t] != 0) {
          n++;
          int off = base + t * dim;
          for (int d = 0; d < dim; d++) {
            acc[d] += h.data()[off + d];
          }
        }
      }
      double denom = Math.max(1, n);
      for (int d = 0; d < dim; d++) {
        v[d] = (float) (acc[d] / denom);
      }
    }
    return spec.normalize() ? Vectors.normalizeInPlace(v) : v;
  }

  @Override
  public void close() {
    model.close();
    tokenizer.close();
  }

  /** Builds named int64 inputs the model declares; returns token vectors as plain Java. */
  private static final class BertTranslator implements NoBatchifyTranslator<Batch, Hidden> {
    private final OnnxTextEncoder owner;

    BertTranslator(OnnxTextEncoder owner) {
      this.owner = owner;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Batch input) {
      NDManager mgr = ctx.getNDManager();
      NDList list = new NDList();
      Map<String, long[][]> byName =
          Map.of("input_ids", input.ids(), "attention_mask", input.mask(), "token_type_ids",
              input.types());
      Set<String> wanted = owner.inputNames;
      for (String name : List.of("input_ids", "attention_mask", "token_type_ids")) {
        if (wanted == null || wanted.isEmpty() || wanted.contains(name)) {
          NDArray a = mgr.create(byName.get(name));
          a.setName(name);
          list.add(a);
        }
      }
      return list;
    }

    @Override
    public Hidden processOutput(TranslatorContext ctx, NDList list) {
      NDArray hidden = null;
      for (NDArray a : list) {
        if ("last_hidden_state".equals(a.getName())) {
          hidden = a;
        }
      }
      if (hidden == null) {
        for (NDArray a : list) {
          if (a.getShape().dimension() == 3) {
            hidden = a;
            break;
          }
        }
      }
      if (hidden == null) {
        throw new InfrastructureException(
            "text encoder '" + owner.spec.id() + "': expected an output 'last_hidden_state' of"
                + " shape [batch, tokens, dim], found " + describe(list));
      }
      Shape s = hidden.getShape();
      return new Hidden(hidden.toFloatArray(), (int) s.get(0), (int) s.get(1), (int) s.get(2));
    }

    private static String describe(NDList list) {
      List<String> parts = new ArrayList<>();
      for (NDArray a : list) {
        parts.add(a.getName() + a.getShape());
      }
      return parts.toString();
    }
  }
}
