package io.lensbench.core;

import io.lensbench.core.SearchHit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The one deterministic order for ranked lists: score descending, ties broken by id descending
 * comparing UTF-8 bytes — the order trec_eval itself uses, so a run file's ranks and trec_eval's
 * re-sort agree and a rerun gives identical metrics. Scores are compared narrowed to float, as
 * trec_eval holds them: two doubles equal as floats are a tie.
 */
public final class Ranking {
  private Ranking() {}

  /** Score (as float) descending, then id descending by unsigned UTF-8 bytes. */
  public static final Comparator<SearchHit> ORDER =
      (a, b) -> {
        int c = Float.compare((float) b.score(), (float) a.score());
        return c != 0 ? c : compareUtf8(b.id(), a.id());
      };

  /** Compares two strings by their UTF-8 bytes, unsigned (C's strcmp on UTF-8). */
  public static int compareUtf8(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** A sorted copy, cut to at most k hits (k ≤ 0 keeps everything). */
  public static List<SearchHit> sortAndCut(List<SearchHit> hits, int k) {
    List<SearchHit> sorted = new ArrayList<>(hits);
    sorted.sort(ORDER);
    if (k > 0 && sorted.size() > k) {
      return List.copyOf(sorted.subList(0, k));
    }
    return List.copyOf(sorted);
  }
}
