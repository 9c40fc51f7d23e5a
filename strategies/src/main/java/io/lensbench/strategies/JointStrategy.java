package io.lensbench.strategies;

import io.lensbench.datasets.Item;
import io.lensbench.datasets.Query;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.Vectors;
import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.HybridRequest.Knn;
import io.lensbench.stores.IndexSpec;
import io.lensbench.stores.StoreDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Joint embedding: each item indexed by the joint encoder's image vector (option: the mean
 * direction of image and product-name vectors); every query kind encoded by the same model —
 * text → text tower, image and table-image → image tower, image+text → the encoder's combination.
 * One kNN search.
 */
public record JointStrategy(String id, JointEncoder encoder, boolean withName, IndexSpec index)
    implements Strategy {
  public static final String FIELD = "image";

  @Override
  public String fingerprint() {
    return String.format(Locale.ROOT, "joint|encoder=%s|withName=%s|index=%s", encoder.id(), withName, index);
  }

  @Override
  public String encoderTag() {
    return encoder.id();
  }

  @Override
  public List<String> modelIds() {
    return List.of(encoder.id());
  }

  @Override
  public CollectionSchema schema(String collection, Map<String, String> properties) {
    return Strategy.singleVectorSchema(collection, FIELD, encoder.dimension(), index, properties);
  }

  @Override
  public List<StoreDocument> documents(List<Item> items) {
    List<Path> images = ItemImages.of(items,
        it -> String.format(Locale.ROOT, "joint strategy: item '%s' has no image", it.id()));
    List<float[]> vectors = encoder.embedImages(images);
    List<float[]> names = null;
    if (withName) {
      List<String> texts = items.stream().map(it -> nonNull(TextSummary.name(it))).toList();
      names = encoder.embedTexts(texts);
    }
    List<StoreDocument> docs = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      float[] v = withName ? Vectors.meanDirection(vectors.get(i), names.get(i)) : vectors.get(i);
      docs.add(new StoreDocument(items.get(i).id(), Map.of(FIELD, v), Map.of(), Map.of()));
    }
    return docs;
  }

  @Override
  public QueryPlan plan(Query q) {
    float[] v =
        switch (q.kind()) {
          case TEXT -> encoder.embedTexts(List.of(nonNull(q.text()))).get(0);
          case IMAGE, TABLE_IMAGE -> encoder.embedImages(List.of(q.image())).get(0);
          case IMAGE_TEXT -> encoder.embedImageText(q.image(), nonNull(q.text()));
        };
    return QueryPlan.single(new Knn(FIELD, v, 0));
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
