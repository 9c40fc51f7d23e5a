package io.lensbench.datasets;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded, validated dataset.
 *
 * @param name dataset name (e.g. {@code fashion})
 * @param root directory it was loaded from
 * @param items corpus items by id, in file order
 * @param querySets query sets with their qrels, sorted by name (fashion: image, image-text-en,
 *     image-text-ko, table-image-en, table-image-ko, text-en, text-ko; docs/datasets.md)
 * @param splits item id → split (empty when the dataset has no splits)
 * @param checksum SHA-256 over the dataset's files, as recorded in its card
 * @param card the dataset card as a JSON-like map (name, source, licence, counts, checksums, seed)
 */
public record Dataset(
    String name,
    Path root,
    Map<String, Item> items,
    List<QuerySet> querySets,
    Map<String, Split> splits,
    String checksum,
    Map<String, Object> card) {

  /**
   * The items a run indexes: the test split when the card says {@code "searchSplit": "test"}
   * (every query set of the fashion benchmark is built over test items only), else every item.
   */
  public Map<String, Item> searchableItems() {
    if (!"test".equals(card.get("searchSplit"))) {
      return items;
    }
    Map<String, Item> m = new java.util.LinkedHashMap<>();
    items.forEach((id, item) -> {
      if (splits.get(id) == Split.TEST) {
        m.put(id, item);
      }
    });
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Items of one split, in corpus order (models train on {@code TRAIN} items only). */
  public Map<String, Item> itemsIn(Split split) {
    Map<String, Item> m = new java.util.LinkedHashMap<>();
    items.forEach((id, item) -> {
      if (splits.get(id) == split) {
        m.put(id, item);
      }
    });
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The checksum of the dataset this one was grown from ({@code grownFrom.checksum} in the card:
   * models trained on it serve the grown dataset, whose real items and splits are the same), or
   * this dataset's own checksum.
   */
  public String baseChecksum() {
    if (card.get("grownFrom") instanceof Map<?, ?> from && from.get("checksum") instanceof String c) {
      return c;
    }
    return checksum;
  }

  public QuerySet querySet(String name) {
    return querySets.stream()
        .filter(q -> q.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new io.lensbench.core.BadInputException(
                    "dataset '" + this.name + "' has no query set '" + name + "' (it has "
                        + querySets.stream().map(QuerySet::name).toList() + ")"));
  }
}
