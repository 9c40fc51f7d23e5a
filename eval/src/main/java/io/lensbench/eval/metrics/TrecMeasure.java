package io.lensbench.eval.metrics;

import io.lensbench.core.BadInputException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;

/**
 * The trec_eval measures LensBench computes, in trec_eval 9.0.4's table order (which is the
 * order they are printed in, whatever the order of -m flags).
 */
public enum TrecMeasure {
  RUNID("runid", Params.NONE),
  NUM_Q("num_q", Params.NONE),
  NUM_RET("num_ret", Params.NONE),
  NUM_REL("num_rel", Params.NONE),
  NUM_REL_RET("num_rel_ret", Params.NONE),
  MAP("map", Params.NONE),
  GM_MAP("gm_map", Params.NONE),
  RPREC("Rprec", Params.NONE),
  BPREF("bpref", Params.NONE),
  RECIP_RANK("recip_rank", Params.NONE),
  IPREC_AT_RECALL("iprec_at_recall", Params.LEVELS),
  P("P", Params.CUTOFFS),
  RECALL("recall", Params.CUTOFFS),
  NDCG("ndcg", Params.NONE),
  NDCG_CUT("ndcg_cut", Params.CUTOFFS),
  MAP_CUT("map_cut", Params.CUTOFFS),
  SUCCESS("success", Params.CUTOFFS);

  enum Params { NONE, CUTOFFS, LEVELS }

  static final long[] DEFAULT_CUTOFFS = {5, 10, 15, 20, 30, 100, 200, 500, 1000};
  static final long[] SUCCESS_CUTOFFS = {1, 5, 10};

  final String trecName;
  final Params params;

  TrecMeasure(String trecName, Params params) {
    this.trecName = trecName;
    this.params = params;
  }

  public String trecName() {
    return trecName;
  }

  /** trec_eval's "official" nickname (its default when no -m is given). */
  static final TrecMeasure[] OFFICIAL = {RUNID, NUM_Q, NUM_RET, NUM_REL, NUM_REL_RET, MAP, GM_MAP,
    RPREC, BPREF, RECIP_RANK, IPREC_AT_RECALL, P};

  static TrecMeasure byName(String name) {
    for (TrecMeasure m : values()) {
      if (m.trecName.equals(name)) {
        return m;
      }
    }
    return null;
  }

  long[] defaultCutoffs() {
    return this == SUCCESS ? SUCCESS_CUTOFFS.clone() : DEFAULT_CUTOFFS.clone();
  }

  /** Parses "5,10,1000" into sorted cutoffs; trec_eval refuses duplicates and non-positive. */
  static long[] parseCutoffs(String measure, String text) {
    String[] parts = text.split(",", -1);
    long[] out = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Long.parseLong(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new BadInputException(String.format(Locale.ROOT,
            "measure %s: cutoff '%s' is not an integer", measure, parts[i]));
      }
      if (out[i] <= 0 || out[i] > Integer.MAX_VALUE) {
        throw new BadInputException(String.format(Locale.ROOT,
            "measure %s: cutoff %d must be positive", measure, out[i]));
      }
    }
    Arrays.sort(out);
    for (int i = 1; i < out.length; i++) {
      if (out[i] == out[i - 1]) {
        throw new BadInputException(String.format(Locale.ROOT,
            "measure %s: duplicate cutoff %d", measure, out[i]));
      }
    }
    return out;
  }

  static double[] parseLevels(String measure, String text) {
    String[] parts = text.split(",", -1);
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new BadInputException(String.format(Locale.ROOT,
            "measure %s: recall level '%s' is not a number", measure, parts[i]));
      }
      if (!(out[i] >= 0.0 && out[i] <= 1.0)) {
        throw new BadInputException(String.format(Locale.ROOT,
            "measure %s: recall level %s must be within [0, 1]", measure, parts[i]));
      }
    }
    Arrays.sort(out);
    for (int i = 1; i < out.length; i++) {
      if (out[i] == out[i - 1]) {
        throw new BadInputException(String.format(Locale.ROOT,
            "measure %s: duplicate recall level %s", measure, out[i]));
      }
    }
    return out;
  }

  /** Name of one printed value: P_5, iprec_at_recall_0.10 ... */
  static String valueName(TrecMeasure m, long cutoff, double level) {
    return switch (m.params) {
      case CUTOFFS -> m.trecName + "_" + cutoff;
      case LEVELS -> m.trecName + "_"
          + new BigDecimal(level).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
      case NONE -> m.trecName;
    };
  }
}
