package io.lensbench.datasets.fashion;

import java.nio.file.Path;
import java.util.Map;

/**
 * One row of a Kaggle fashion {@code items.csv} with its images.
 *
 * @param line line number in items.csv
 * @param id item id
 * @param name productDisplayName
 * @param attributes catalogue attributes; 'NA' and blank values are left out
 * @param image {@code images/<id>.jpg}, relative to the source folder
 * @param image224 {@code images_224/<id>.jpg} relative to the source folder, or null when absent
 */
public record FashionItem(int line, String id, String name, Map<String, String> attributes,
    String image, String image224) {
  public String attr(String name) {
    return attributes.get(name);
  }

  /** The query-side image: the 224×224 rendition where it exists, else the item's image. */
  public String queryImage() {
    return image224 != null ? image224 : image;
  }
}
