package io.lensbench.strategies;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.Query;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.HybridRequest.Bm25;
import io.lensbench.stores.HybridRequest.Knn;
import io.lensbench.stores.HybridRequest.SubSearch;
import io.lensbench.stores.IndexSpec;
import io.lensbench.stores.Metric;
import io.lensbench.stores.StoreDocument;
import io.lensbench.stores.TextField;
import io.lensbench.stores.VectorField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Multi-vector: each item stored with separate named vectors — {@code image} (joint encoder),
 * {@code name}, {@code summary} and optionally {@code caption} (text encoder, or per field its own
 * text encoder) — and BM25 fields {@code text_en} (name + summary) and {@code text_ko} (the item's
 * Korean texts, nori). Each query is searched on the fields that fit its kind and language ({@link
 * #DEFAULT_ROUTES}, overridable; a query meant for another corpus language, e.g. a Korean query
 * for the English catalogue, has route key {@code <kind>.<lang>-<corpus language>}) and the lists
 * are fused client-side (RRF or weighted sum) or by the store (native hybrid).
 */
public final class MultiVectorStrategy implements Strategy {
  public static final String IMAGE = "image";
  public static final String NAME = "name";
  public static final String SUMMARY = "summary";
  public static final String CAPTION = "caption";
  public static final String TEXT_EN = "text_en";
  public static final String TEXT_KO = "text_ko";
  public static final Set<String> FIELDS = Set.of(IMAGE, NAME, SUMMARY, CAPTION, TEXT_EN, TEXT_KO);
  /** The dense text fields, each of which may have its own text encoder. */
  public static final Set<String> TEXT_VECTOR_FIELDS = Set.of(NAME, SUMMARY, CAPTION);

  /**
   * Route key {@code <kind>.<lang>}, {@code <kind>.<lang>-<corpus language>} or {@code <kind>} →
   * fields searched, in order. Cross-lingual Korean queries ({@code ko-en}) search the English
   * catalogue's dense fields only.
   */
  public static final Map<String, List<String>> DEFAULT_ROUTES =
      Map.of(
          "text.en", List.of(IMAGE, NAME, SUMMARY, CAPTION, TEXT_EN),
          "text.ko", List.of(TEXT_KO),
          "text.ko-en", List.of(IMAGE, NAME, SUMMARY, CAPTION),
          "image_text.ko-en", List.of(IMAGE, CAPTION),
          "image", List.of(IMAGE, CAPTION, SUMMARY),
          "table_image.en", List.of(TEXT_EN, NAME, SUMMARY),
          "table_image.ko", List.of(TEXT_KO),
          "image_text.en", List.of(IMAGE, CAPTION, TEXT_EN),
          "image_text.ko", List.of(IMAGE, TEXT_KO));

  public static final Map<String, Double> DEFAULT_WEIGHTS =
      Map.of(IMAGE, 1.0, NAME, 0.5, SUMMARY, 0.5, CAPTION, 0.5, TEXT_EN, 1.0, TEXT_KO, 1.0);

  private final String id;
  private final JointEncoder joint;
  private final TextEncoder text;
  private final Map<String, TextEncoder> fieldText;
  private final ItemDescriber captions;
  private final QueryText queryText;
  private final FusionSpec fusion;
  private final Map<String, List<String>> routes;
  private final Map<String, Double> weights;
  private final int candidates;
  private final IndexSpec index;

  /**
   * @param fieldText a text encoder per dense text field ({@link #TEXT_VECTOR_FIELDS}) instead of
   *     {@code text}; empty = {@code text} everywhere
   * @param captions item captions for the {@code caption} field; null drops the field
   * @param routes overrides of {@link #DEFAULT_ROUTES} (merged over them)
   * @param weights overrides of {@link #DEFAULT_WEIGHTS} (merged over them)
   */
  public MultiVectorStrategy(
      String id,
      JointEncoder joint,
      TextEncoder text,
      Map<String, TextEncoder> fieldText,
      ItemDescriber captions,
      QueryText queryText,
      FusionSpec fusion,
      Map<String, List<String>> routes,
      Map<String, Double> weights,
      int candidates,
      IndexSpec index) {
    this.id = id;
    this.joint = joint;
    this.text = text;
    fieldText.keySet().forEach(f -> {
      if (!TEXT_VECTOR_FIELDS.contains(f)) {
        throw new BadInputException(String.format(Locale.ROOT,
            "strategy '%s': a text encoder for field '%s' (expected one of %s)", id, f,
            new java.util.TreeSet<>(TEXT_VECTOR_FIELDS)));
      }
    });
    this.fieldText = new TreeMap<>(fieldText);
    this.captions = captions;
    this.queryText = queryText;
    this.fusion = fusion;
    Map<String, List<String>> r = new TreeMap<>(DEFAULT_ROUTES);
    routes.forEach(
        (key, fields) -> {
          for (String f : fields) {
            if (!FIELDS.contains(f)) {
              throw new BadInputException(
                  String.format(Locale.ROOT,
                      "strategy '%s': route '%s' names unknown field '%s' (expected one of %s)",
                      id, key, f, new TreeMap<>(DEFAULT_WEIGHTS).keySet()));
            }
          }
          r.put(key, List.copyOf(fields));
        });
    this.routes = Map.copyOf(r);
    Map<String, Double> w = new TreeMap<>(DEFAULT_WEIGHTS);
    weights.forEach(
        (f, v) -> {
          if (!FIELDS.contains(f)) {
            throw new BadInputException(
                String.format(Locale.ROOT,
                    "strategy '%s': weight for unknown field '%s' (expected one of %s)",
                    id, f, new TreeMap<>(DEFAULT_WEIGHTS).keySet()));
          }
          w.put(f, v);
        });
    this.weights = Map.copyOf(w);
    this.candidates = candidates;
    this.index = index;
  }

  @Override
  public String id() {
    return id;
  }

  /** The indexed content depends on encoders, captions and index — not on fusion or routes. */
  @Override
  public String fingerprint() {
    return String.format(Locale.ROOT, "multivector|joint=%s|text=%s|captions=%s|index=%s",
        joint.id(), text.id(), captions == null ? "none" : captions.id(), index) + fieldsPart();
  }

  /** {@code |fields=name:<id>,...} when fields have their own encoders, else empty. */
  private String fieldsPart() {
    if (fieldText.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    fieldText.forEach((f, e) -> parts.add(f + ":" + e.id()));
    return "|fields=" + String.join(",", parts);
  }

  @Override
  public String encoderTag() {
    return joint.id() + "+" + text.id() + (fieldText.isEmpty() ? "" : "+fields");
  }

  /** The text encoder of a dense text field. */
  private TextEncoder encoder(String field) {
    return fieldText.getOrDefault(field, text);
  }

  @Override
  public List<String> modelIds() {
    List<String> ids = new ArrayList<>(List.of(joint.id(), text.id()));
    fieldText.values().forEach(e -> ids.add(e.id()));
    if (captions != null) {
      ids.add(captions.id());
    }
    return ids;
  }

  @Override
  public CollectionSchema schema(String collection, Map<String, String> properties) {
    List<VectorField> vectors = new ArrayList<>();
    vectors.add(new VectorField(IMAGE, joint.dimension(), Metric.COSINE, index));
    vectors.add(new VectorField(NAME, encoder(NAME).dimension(), Metric.COSINE, index));
    vectors.add(new VectorField(SUMMARY, encoder(SUMMARY).dimension(), Metric.COSINE, index));
    if (captions != null) {
      vectors.add(new VectorField(CAPTION, encoder(CAPTION).dimension(), Metric.COSINE, index));
    }
    return new CollectionSchema(
        collection,
        vectors,
        List.of(new TextField(TEXT_EN, "en"), new TextField(TEXT_KO, "ko")),
        List.of(),
        properties);
  }

  @Override
  public List<StoreDocument> documents(List<Item> items) {
    List<Path> images = ItemImages.of(items,
        it -> String.format(Locale.ROOT, "strategy '%s': item '%s' has no image", id, it.id()));
    List<float[]> imageVecs = joint.embedImages(images);
    List<String> names = items.stream().map(it -> nz(TextSummary.name(it))).toList();
    List<String> summaries = items.stream().map(TextSummary::render).toList();
    List<float[]> nameVecs = encoder(NAME).embed(names, TextEncoder.Role.PASSAGE);
    List<float[]> summaryVecs = encoder(SUMMARY).embed(summaries, TextEncoder.Role.PASSAGE);
    List<float[]> captionVecs = captions == null ? null
        : encoder(CAPTION).embed(captions.describe(items), TextEncoder.Role.PASSAGE);
    List<StoreDocument> docs = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      Map<String, float[]> v = new LinkedHashMap<>();
      v.put(IMAGE, imageVecs.get(i));
      v.put(NAME, nameVecs.get(i));
      v.put(SUMMARY, summaryVecs.get(i));
      if (captionVecs != null) {
        v.put(CAPTION, captionVecs.get(i));
      }
      Map<String, String> t = new LinkedHashMap<>();
      t.put(TEXT_EN, (names.get(i) + " " + summaries.get(i)).strip());
      t.put(TEXT_KO, koreanText(it));
      docs.add(new StoreDocument(it.id(), v, t, Map.of()));
    }
    return docs;
  }

  /** Every {@code *_ko} text of the item, joined (empty when it has none). */
  static String koreanText(Item it) {
    List<String> ko = new ArrayList<>();
    new TreeMap<>(it.texts())
        .forEach(
            (k, v) -> {
              if (k.endsWith("_ko") && v != null && !v.isBlank()) {
                ko.add(v.strip());
              }
            });
    return String.join(" ", ko);
  }

  /** The fields a query is searched on. */
  public List<String> route(Query q) {
    String kind = q.kind().wireName();
    String corpus = q.attributes().get("corpusLanguage");
    List<String> r = corpus == null || corpus.equals(q.language()) ? null
        : routes.get(kind + "." + q.language() + "-" + corpus);
    if (r == null) {
      r = routes.get(kind + "." + q.language());
    }
    if (r == null) {
      r = routes.get(kind);
    }
    if (r == null) {
      r = routes.getOrDefault(kind + ".en", List.of());
    }
    return r;
  }

  @Override
  public QueryPlan plan(Query q) {
    List<String> fields = route(q);
    List<SubSearch> subs = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    String qText = null;
    boolean textComputed = false;
    Map<String, float[]> textVecs = new LinkedHashMap<>();
    for (String f : fields) {
      if (f.equals(CAPTION) && captions == null) {
        continue;
      }
      if (f.equals(IMAGE)) {
        float[] v =
            switch (q.kind()) {
              case TEXT -> joint.embedTexts(List.of(nz(q.text()))).get(0);
              case IMAGE, TABLE_IMAGE -> joint.embedImages(List.of(q.image())).get(0);
              case IMAGE_TEXT -> joint.embedImageText(q.image(), nz(q.text()));
            };
        subs.add(new Knn(IMAGE, v, 0));
        w.add(weights.get(IMAGE));
        continue;
      }
      if (!textComputed) {
        qText = queryText.of(q);
        textComputed = true;
      }
      if (qText == null || qText.isBlank()) {
        continue; // no captioner / OCR found nothing: this field cannot be searched
      }
      if (f.equals(TEXT_EN) || f.equals(TEXT_KO)) {
        subs.add(new Bm25(f, qText, 0));
      } else {
        TextEncoder e = encoder(f);
        String text = qText;
        float[] v = textVecs.computeIfAbsent(e.id(),
            k -> e.embed(List.of(text), TextEncoder.Role.QUERY).get(0));
        subs.add(new Knn(f, v, 0));
      }
      w.add(weights.get(f));
    }
    return new QueryPlan(subs, w, fusion, candidates);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
