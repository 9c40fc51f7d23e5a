package io.lensbench.reports;

import io.lensbench.eval.run.RunCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which metrics a run has and how the report names them. */
public final class MetricNames {
  /** Overview metrics, in display order, when present in at least one cell. */
  static final List<String> OVERVIEW =
      List.of("recall_at_10", "recall_at_100", "success_at_1", "success_at_10", "mrr", "ndcg_at_10");

  private MetricNames() {}

  /** "Recall@10" from "recall_at_10"; "MRR", "nDCG@10", "Success@1" and so on. */
  public static String display(String key) {
    String[] p = key.split("_at_");
    String base = switch (p[0]) {
      case "recall" -> "Recall";
      case "success" -> "Success";
      case "precision" -> "P";
      case "mrr" -> "MRR";
      case "ndcg" -> "nDCG";
      case "map" -> "MAP";
      default -> p[0];
    };
    return p.length > 1 ? base + "@" + p[1] : base;
  }

  /** The overview metrics present in at least one cell. */
  static List<String> overview(List<RunCell> cells) {
    List<String> out = new ArrayList<>();
    for (String m : OVERVIEW) {
      if (cells.stream().anyMatch(c -> c.scores().summary().has(m))) {
        out.add(m);
      }
    }
    return out;
  }

  /** Cutoffs of one family (e.g. recall) present in any cell, ascending. */
  static List<Integer> cutoffs(List<RunCell> cells, String family) {
    Set<Integer> ks = new TreeSet<>();
    for (RunCell c : cells) {
      for (String k : c.scores().means().keySet()) {
        if (k.startsWith(family + "_at_")) {
          try {
            ks.add(Integer.parseInt(k.substring(family.length() + 4)));
          } catch (NumberFormatException ignored) {
            // e.g. recall_at_x: not a cutoff metric
          }
        }
      }
    }
    return List.copyOf(ks);
  }
}
