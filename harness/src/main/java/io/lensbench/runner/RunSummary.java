package io.lensbench.runner;

import io.lensbench.eval.run.RunDirectory;
import io.lensbench.eval.run.CellId;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The headline means of every cell, read back from metrics/ and printed as the console table. */
final class RunSummary {
  static final List<String> TABLE_KEYS = List.of("recall_at_10", "success_at_10", "mrr", "ndcg_at_10");
  private static final int[] WIDTHS = {9, 10, 6, 7};

  private RunSummary() {}

  /** Cell id → metric key → mean, for every cell of the matrix (empty when not scored). */
  static Map<String, Map<String, Double>> read(RunDirectory runDir, List<CellId> cells) {
    Map<String, Map<String, Double>> summaries = new LinkedHashMap<>();
    for (CellId c : cells) {
      summaries.put(c.toString(), runDir.means(c));
    }
    return summaries;
  }

  static void print(PrintStream out, Map<String, Map<String, Double>> summaries) {
    int w = Math.max(4, summaries.keySet().stream().mapToInt(String::length).max().orElse(4));
    out.printf(Locale.ROOT, "%-" + w + "s  %9s  %10s  %6s  %7s%n", "cell", "Recall@10", "Success@10", "MRR", "nDCG@10");
    summaries.forEach((cell, m) -> {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-" + w + "s", cell));
      for (int i = 0; i < TABLE_KEYS.size(); i++) {
        Double v = m.get(TABLE_KEYS.get(i));
        sb.append("  ").append(String.format(Locale.ROOT, "%" + WIDTHS[i] + "s",
            v == null || v.isNaN() ? "-" : String.format(Locale.ROOT, "%.4f", v)));
      }
      out.println(sb);
    });
    out.flush();
  }
}
