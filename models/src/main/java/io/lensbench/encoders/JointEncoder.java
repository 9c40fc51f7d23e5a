package io.lensbench.encoders;

import java.nio.file.Path;
import java.util.List;

/** Images and texts into one vector space. */
public interface JointEncoder extends AutoCloseable {

  /** Stable model id (includes a weights hash for trained models). */
  String id();

  int dimension();

  List<float[]> embedImages(List<Path> images);

  List<float[]> embedTexts(List<String> texts);

  /** A composed query: the image and an instruction, combined as this encoder supports. */
  float[] embedImageText(Path image, String text);

  @Override
  void close();
}
