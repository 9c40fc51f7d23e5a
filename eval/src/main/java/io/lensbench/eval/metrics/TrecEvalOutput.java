package io.lensbench.eval.metrics;

import io.lensbench.core.Ranking;
import io.lensbench.core.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * trec_eval-compatible measure selection ({@code -m P.5,10 -m ndcg_cut -m official}) and
 * output: {@code %-22s\t%s\t%6.4f} lines, measures in trec_eval's table order, per-query
 * blocks (with -q) sorted by query id, then the "all" summary.
 */
public final class TrecEvalOutput {
  private final Map<TrecMeasure, long[]> cutoffs = new EnumMap<>(TrecMeasure.class);
  private final Map<TrecMeasure, double[]> levels = new EnumMap<>(TrecMeasure.class);
  private final java.util.Set<TrecMeasure> explicit = java.util.EnumSet.noneOf(TrecMeasure.class);

  private TrecEvalOutput() {}

  /** Parses -m arguments; an empty list means trec_eval's default ("official"). */
  public static TrecEvalOutput parse(List<String> specs) {
    TrecEvalOutput o = new TrecEvalOutput();
    List<String> s = specs.isEmpty() ? List.of("official") : specs;
    for (String spec : s) {
      String name = spec;
      String params = null;
      int dot = spec.indexOf('.');
      if (dot >= 0) {
        name = spec.substring(0, dot);
        params = spec.substring(dot + 1);
      }
      if (name.equals("official") || name.equals("all_trec")) {
        TrecMeasure[] set = name.equals("official") ? TrecMeasure.OFFICIAL : TrecMeasure.values();
        for (TrecMeasure m : set) {
          o.add(m, null);
        }
        continue;
      }
      TrecMeasure m = TrecMeasure.byName(name);
      if (m == null) {
        throw new BadInputException(String.format(Locale.ROOT,
            "unknown measure '%s' (supported: official, all_trec, %s)", spec, supported()));
      }
      o.add(m, params);
    }
    return o;
  }

  private static String supported() {
    List<String> n = new ArrayList<>();
    for (TrecMeasure m : TrecMeasure.values()) {
      n.add(m.trecName);
    }
    return String.join(", ", n);
  }

  private void add(TrecMeasure m, String params) {
    boolean hasParams = params != null && !params.isEmpty();
    if (cutoffs.containsKey(m) || levels.containsKey(m)) {
      // trec_eval: the first -m with parameters wins; a bare -m (or a nickname) never
      // replaces parameters, but parameters replace an earlier bare selection
      if (explicit.contains(m) || !hasParams) {
        return;
      }
      cutoffs.remove(m);
      levels.remove(m);
    }
    if (hasParams) {
      explicit.add(m);
    }
    if (params != null && !params.isEmpty() && m.params == TrecMeasure.Params.NONE) {
      throw new BadInputException(String.format(Locale.ROOT,
          "measure %s takes no parameters, found '%s'", m.trecName, params));
    }
    switch (m.params) {
      case CUTOFFS -> cutoffs.put(m, params == null || params.isEmpty() ? m.defaultCutoffs()
          : TrecMeasure.parseCutoffs(m.trecName, params));
      case LEVELS -> levels.put(m, params == null || params.isEmpty()
          ? EvalOptions.DEFAULT_IPREC.clone() : TrecMeasure.parseLevels(m.trecName, params));
      case NONE -> cutoffs.put(m, new long[0]);
    }
  }

  /** Evaluation options covering every selected cutoff. */
  public EvalOptions options(int relevanceLevel, boolean complete, DuplicatePolicy dup) {
    TreeSet<Integer> all = new TreeSet<>();
    for (long[] c : cutoffs.values()) {
      for (long k : c) {
        all.add((int) k);
      }
    }
    double[] lv = levels.getOrDefault(TrecMeasure.IPREC_AT_RECALL, EvalOptions.DEFAULT_IPREC);
    return new EvalOptions(relevanceLevel, all.stream().mapToInt(Integer::intValue).toArray(),
        lv, dup, complete);
  }

  private boolean selected(TrecMeasure m) {
    return cutoffs.containsKey(m) || levels.containsKey(m);
  }

  /** Writes per-query blocks (when {@code perQuery}) and the summary, exactly as trec_eval. */
  public void write(RunEvaluation run, boolean perQuery, Writer w) {
    try {
      StringBuilder sb = new StringBuilder(1 << 16);
      EvalOptions o = run.options();
      if (perQuery) {
        List<QueryEvaluation> printed = new ArrayList<>();
        for (QueryEvaluation q : run.queries()) {
          if (q.inRun()) {
            printed.add(q);
          }
        }
        printed.sort((a, b) -> Ranking.compareUtf8(a.queryId(), b.queryId()));
        for (QueryEvaluation q : printed) {
          for (TrecMeasure m : TrecMeasure.values()) {
            if (!selected(m) || m == TrecMeasure.RUNID || m == TrecMeasure.NUM_Q
                || m == TrecMeasure.GM_MAP) {
              continue;
            }
            writeValues(sb, m, q.queryId(), o, q);
          }
          if (sb.length() > 1 << 15) {
            w.append(sb);
            sb.setLength(0);
          }
        }
      }
      int n = run.numQueries();
      for (TrecMeasure m : TrecMeasure.values()) {
        if (!selected(m)) {
          continue;
        }
        switch (m) {
          case RUNID -> sb.append(CFormat.left22("runid")).append("\tall\t").append(run.runId())
              .append('\n');
          case NUM_Q -> sb.append(CFormat.left22("num_q")).append("\tall\t").append(n).append('\n');
          case GM_MAP -> {
            // trec_eval sums the queries it evaluated, then adds log(MIN_GEO_MEAN) once per
            // qrels query missing from the run
            double sum = 0.0;
            long missing = 0;
            for (QueryEvaluation q : run.queries()) {
              if (q.inRun()) {
                sum += q.gmMapLog;
              } else {
                missing++;
              }
            }
            if (missing > 0) {
              sum += missing * Math.log(QueryEvaluation.MIN_GEO_MEAN);
            }
            double v = n > 0 ? Math.exp(sum / n) : 0.0;
            sb.append(CFormat.left22("gm_map")).append("\tall\t").append(CFormat.f64(v)).append('\n');
          }
          default -> writeSummary(sb, m, run, o);
        }
      }
      w.append(sb);
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeSummary(StringBuilder sb, TrecMeasure m, RunEvaluation run, EvalOptions o) {
    int slots = slots(m);
    double[] sums = new double[slots];
    long[] isums = new long[slots];
    for (QueryEvaluation q : run.queries()) {
      for (int s = 0; s < slots; s++) {
        double v = value(m, s, q, o);
        sums[s] += v;
        isums[s] += (long) v;
      }
    }
    int n = run.numQueries();
    for (int s = 0; s < slots; s++) {
      sb.append(CFormat.left22(name(m, s))).append("\tall\t");
      if (m == TrecMeasure.NUM_REL && o.complete()) {
        sb.append(run.qrelsPositiveJudgments());
      } else if (isCount(m)) {
        sb.append(isums[s]);
      } else {
        sb.append(CFormat.f64(n > 0 ? sums[s] / n : 0.0));
      }
      sb.append('\n');
    }
  }

  private void writeValues(StringBuilder sb, TrecMeasure m, String qid, EvalOptions o,
      QueryEvaluation q) {
    int slots = slots(m);
    for (int s = 0; s < slots; s++) {
      sb.append(CFormat.left22(name(m, s))).append('\t').append(qid).append('\t');
      double v = value(m, s, q, o);
      if (isCount(m)) {
        sb.append((long) v);
      } else {
        sb.append(CFormat.f64(v));
      }
      sb.append('\n');
    }
  }

  private static boolean isCount(TrecMeasure m) {
    return m == TrecMeasure.NUM_RET || m == TrecMeasure.NUM_REL || m == TrecMeasure.NUM_REL_RET;
  }

  private int slots(TrecMeasure m) {
    return switch (m.params) {
      case CUTOFFS -> cutoffs.get(m).length;
      case LEVELS -> levels.get(m).length;
      case NONE -> 1;
    };
  }

  private String name(TrecMeasure m, int s) {
    return switch (m.params) {
      case CUTOFFS -> TrecMeasure.valueName(m, cutoffs.get(m)[s], 0);
      case LEVELS -> TrecMeasure.valueName(m, 0, levels.get(m)[s]);
      case NONE -> m.trecName;
    };
  }

  private double value(TrecMeasure m, int s, QueryEvaluation q, EvalOptions o) {
    int c = m.params == TrecMeasure.Params.CUTOFFS ? o.cutoffIndex((int) cutoffs.get(m)[s]) : -1;
    return switch (m) {
      case NUM_RET -> q.numRet;
      case NUM_REL -> q.numRel;
      case NUM_REL_RET -> q.numRelRet;
      case MAP -> q.map;
      case RPREC -> q.rprec;
      case BPREF -> q.bpref;
      case RECIP_RANK -> q.recipRank;
      case IPREC_AT_RECALL -> q.iprec[s];
      case P -> q.precision[c];
      case RECALL -> q.recall[c];
      case NDCG -> q.ndcg;
      case NDCG_CUT -> q.ndcgCut[c];
      case MAP_CUT -> q.mapCut[c];
      case SUCCESS -> q.success[c];
      case RUNID, NUM_Q, GM_MAP -> throw new IllegalStateException(m.name());
    };
  }
}
