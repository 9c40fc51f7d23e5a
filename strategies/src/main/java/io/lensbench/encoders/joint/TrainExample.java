package io.lensbench.encoders.joint;

import java.nio.file.Path;

/** One TRAIN item: its image and its catalogue description (the text the image must match). */
public record TrainExample(String id, Path image, String description) {}
