package io.lensbench.encoders.joint;

import java.nio.file.Path;

/**
 * One TRAIN item: its image, its catalogue description (the text the image must match) and its
 * article type (nullable; used only for the text-prototype type metric).
 */
public record TrainExample(String id, Path image, String description, String articleType) {}
