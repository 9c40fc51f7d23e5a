package io.lensbench.rerank;

import java.nio.file.Path;

/**
 * One first-stage hit handed to a reranker.
 *
 * @param id corpus item id (as in the run file)
 * @param image the item's image; null for text-only items
 * @param text the item's name or caption; null when there is none
 * @param score first-stage score (higher is better); kept for the before-rerank list
 */
public record Candidate(String id, Path image, String text, double score) {
  public Candidate {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("candidate id must not be blank");
    }
  }
}
