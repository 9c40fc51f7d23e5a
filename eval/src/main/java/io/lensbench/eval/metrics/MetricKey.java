package io.lensbench.eval.metrics;

import io.lensbench.core.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A machine key such as {@code recall_at_10}, {@code mrr}, {@code ndcg_at_10}, with its display
 * name ("Recall@10") and how to read it from a {@link QueryEvaluation}.
 */
public record MetricKey(String key, String display, Kind kind, int cutoff) {

  /** The measure family. */
  public enum Kind {
    RECALL("recall_at_", "Recall@"),
    PRECISION("precision_at_", "P@"),
    SUCCESS("success_at_", "Success@"),
    MRR_AT("mrr_at_", "MRR@"),
    NDCG_AT("ndcg_at_", "nDCG@"),
    MAP_AT("map_at_", "MAP@"),
    MRR("mrr", "MRR"),
    NDCG("ndcg", "nDCG"),
    MAP("map", "MAP"),
    RPREC("rprec", "R-Prec"),
    BPREF("bpref", "bpref"),
    NUM_RET("num_ret", "Retrieved"),
    NUM_REL("num_rel", "Relevant"),
    NUM_REL_RET("num_rel_ret", "Relevant retrieved");

    final String prefix;
    final String displayPrefix;

    Kind(String prefix, String displayPrefix) {
      this.prefix = prefix;
      this.displayPrefix = displayPrefix;
    }

    public boolean hasCutoff() {
      return prefix.endsWith("_");
    }

    public boolean isCount() {
      return this == NUM_RET || this == NUM_REL || this == NUM_REL_RET;
    }
  }

  /** Every key for the given cutoffs, in a stable reading order. */
  public static List<MetricKey> all(int[] cutoffs) {
    List<MetricKey> out = new ArrayList<>();
    for (Kind k : new Kind[] {Kind.RECALL, Kind.PRECISION, Kind.SUCCESS, Kind.MRR_AT, Kind.NDCG_AT,
        Kind.MAP_AT}) {
      for (int c : cutoffs) {
        out.add(of(k, c));
      }
    }
    for (Kind k : new Kind[] {Kind.MRR, Kind.NDCG, Kind.MAP, Kind.RPREC, Kind.BPREF, Kind.NUM_RET,
        Kind.NUM_REL, Kind.NUM_REL_RET}) {
      out.add(of(k, 0));
    }
    return out;
  }

  public static MetricKey of(Kind kind, int cutoff) {
    if (kind.hasCutoff()) {
      return new MetricKey(kind.prefix + cutoff, kind.displayPrefix + cutoff, kind, cutoff);
    }
    return new MetricKey(kind.prefix, kind.displayPrefix, kind, 0);
  }

  /** Parses a machine key; unknown keys are bad input. */
  public static MetricKey parse(String key) {
    for (Kind k : Kind.values()) {
      if (k.hasCutoff() && key.startsWith(k.prefix)) {
        String rest = key.substring(k.prefix.length());
        if (rest.matches("[1-9][0-9]{0,8}")) {
          return of(k, Integer.parseInt(rest));
        }
      } else if (!k.hasCutoff() && key.equals(k.prefix)) {
        return of(k, 0);
      }
    }
    throw new BadInputException(String.format(Locale.ROOT,
        "unknown metric '%s' (expected recall_at_K, precision_at_K, success_at_K, mrr_at_K, "
            + "ndcg_at_K, map_at_K, mrr, ndcg, map, rprec, bpref, num_ret, num_rel, num_rel_ret)",
        key));
  }

  /** Reads this metric from a query evaluation made with {@code options}. */
  public double value(QueryEvaluation q, EvalOptions options) {
    int c = kind.hasCutoff() ? options.cutoffIndex(cutoff) : 0;
    if (c < 0) {
      throw new BadInputException(String.format(Locale.ROOT,
          "metric %s needs cutoff %d, which was not evaluated (cutoffs %s)", key, cutoff,
          java.util.Arrays.toString(options.cutoffs())));
    }
    return switch (kind) {
      case RECALL -> q.recall[c];
      case PRECISION -> q.precision[c];
      case SUCCESS -> q.success[c];
      case MRR_AT -> q.mrrCut[c];
      case NDCG_AT -> q.ndcgCut[c];
      case MAP_AT -> q.mapCut[c];
      case MRR -> q.recipRank;
      case NDCG -> q.ndcg;
      case MAP -> q.map;
      case RPREC -> q.rprec;
      case BPREF -> q.bpref;
      case NUM_RET -> q.numRet;
      case NUM_REL -> q.numRel;
      case NUM_REL_RET -> q.numRelRet;
    };
  }
}
