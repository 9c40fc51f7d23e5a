package io.lensbench.encoders.joint;

import java.nio.file.Path;

/**
 * One TRAIN item: its image, its catalogue description (the text the image must match), its
 * article type (nullable; used only for the text-prototype type metric) and the description in
 * glossary Korean (nullable; bilingual training targets).
 */
public record TrainExample(String id, Path image, String description, String articleType,
    String descriptionKo) {

  public TrainExample(String id, Path image, String description, String articleType) {
    this(id, image, description, articleType, null);
  }
}
