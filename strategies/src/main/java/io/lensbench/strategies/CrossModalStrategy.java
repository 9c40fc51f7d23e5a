package io.lensbench.strategies;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.Query;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.HybridRequest.Knn;
import io.lensbench.stores.IndexSpec;
import io.lensbench.stores.StoreDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cross-modal: each item indexed by a text embedding of a description of it (a caption of its
 * image, or the catalogue text as sentences); queries become text first — text as is, image →
 * caption, table-image → OCR, image+text → caption + instruction — and are embedded by the same
 * text encoder. One kNN search.
 */
public record CrossModalStrategy(
    String id, TextEncoder encoder, ItemDescriber describer, QueryText queryText, IndexSpec index)
    implements Strategy {
  public static final String FIELD = "caption";

  @Override
  public String fingerprint() {
    return String.format(Locale.ROOT, "crossmodal|encoder=%s|describer=%s|index=%s",
        encoder.id(), describer.id(), index);
  }

  @Override
  public String encoderTag() {
    return encoder.id();
  }

  @Override
  public List<String> modelIds() {
    return List.of(encoder.id(), describer.id());
  }

  @Override
  public CollectionSchema schema(String collection, Map<String, String> properties) {
    return Strategy.singleVectorSchema(collection, FIELD, encoder.dimension(), index, properties);
  }

  @Override
  public List<StoreDocument> documents(List<Item> items) {
    List<String> texts = describer.describe(items);
    List<float[]> vectors = encoder.embed(texts, TextEncoder.Role.PASSAGE);
    List<StoreDocument> docs = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      docs.add(
          new StoreDocument(items.get(i).id(), Map.of(FIELD, vectors.get(i)), Map.of(), Map.of()));
    }
    return docs;
  }

  @Override
  public QueryPlan plan(Query q) {
    String text = queryText.of(q);
    if (text == null) {
      throw new BadInputException(
          String.format(Locale.ROOT,
              "strategy '%s': query '%s' of kind %s needs a %s, none is configured",
              id, q.id(), q.kind().wireName(),
              q.kind() == io.lensbench.datasets.QueryKind.TABLE_IMAGE ? "OCR captioner" : "query captioner"));
    }
    float[] v = encoder.embed(List.of(text), TextEncoder.Role.QUERY).get(0);
    return QueryPlan.single(new Knn(FIELD, v, 0));
  }
}
