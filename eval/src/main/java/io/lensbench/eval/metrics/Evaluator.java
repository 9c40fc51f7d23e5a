package io.lensbench.eval.metrics;

import io.lensbench.core.Ranking;
import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Qrels;
import io.lensbench.eval.trec.TrecRun;
import io.lensbench.core.SearchHit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Scores runs against qrels exactly as trec_eval 9.0.4 (see docs/metrics.md): ranking by
 * float score descending then doc id descending (UTF-8 bytes), graded gains for nDCG, binary
 * relevance at {@link EvalOptions#relevanceLevel()} for the rest.
 */
public final class Evaluator {
  private final EvalOptions options;

  public Evaluator(EvalOptions options) {
    this.options = options;
  }

  public EvalOptions options() {
    return options;
  }

  /** Scores in-memory rankings (e.g. the runner's hits); scores are narrowed to float. */
  public RunEvaluation evaluate(Qrels qrels, Map<String, List<SearchHit>> hits, String runId) {
    Map<String, TrecRun.Retrieved> m = new LinkedHashMap<>();
    hits.forEach((q, list) -> {
      TrecRun.Retrieved.Builder b = new TrecRun.Retrieved.Builder();
      for (SearchHit h : list) {
        if (Double.isNaN(h.score())) {
          throw new BadInputException(String.format(Locale.ROOT,
              "query '%s': doc '%s' has score NaN", q, h.id()));
        }
        b.add(h.id(), (float) h.score());
      }
      m.put(q, b.build());
    });
    return evaluate(qrels, new TrecRun(runId, m), "run " + runId);
  }

  /** Scores a run read from a file; {@code where} names it in error messages. */
  public RunEvaluation evaluate(Qrels qrels, TrecRun run, String where) {
    List<String> inRun = new ArrayList<>();
    List<String> unjudged = new ArrayList<>();
    for (String q : run.rankings().keySet()) {
      if (qrels.asMap().containsKey(q)) {
        inRun.add(q);
      } else {
        unjudged.add(q);
      }
    }
    inRun.sort(Ranking::compareUtf8);
    unjudged.sort(Ranking::compareUtf8);
    List<String> missing = new ArrayList<>();
    if (options.complete()) {
      for (String q : qrels.queryIds()) {
        if (!run.rankings().containsKey(q)) {
          missing.add(q);
        }
      }
      missing.sort(Ranking::compareUtf8);
    }
    List<String> order = new ArrayList<>(inRun);
    order.addAll(missing);
    QueryEvaluation[] out = new QueryEvaluation[order.size()];
    IntStream range = IntStream.range(0, out.length);
    if (out.length >= 256) {
      range = range.parallel();
    }
    range.forEach(i -> {
      String q = order.get(i);
      JudgedQuery jq = new JudgedQuery(qrels.forQuery(q));
      out[i] = QueryEvaluation.evaluate(q, jq, run.rankings().get(q), options, where);
    });
    long positive = 0;
    for (Map<String, Integer> j : qrels.asMap().values()) {
      for (int g : j.values()) {
        if (g > 0) {
          positive++;
        }
      }
    }
    return new RunEvaluation(options, run.runId(), List.of(out), unjudged, positive);
  }
}
