package io.lensbench.runner;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.Qrels;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QuerySet;
import io.lensbench.datasets.Json;
import io.lensbench.datasets.Split;
import io.lensbench.datasets.grow.Distractors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run searches and asks: the corpus (the dataset's split, limited, plus a grown dataset's
 * distractors, which are streamed and never held here) and the query sets (limited, with qrels
 * cut to the corpus when the corpus is limited), plus the hash that names the corpus in collection
 * names.
 *
 * @param corpus the real items searched
 * @param distractors a grown dataset's distractors, searched after the real items; null for none
 */
public record RunSelection(List<Item> corpus, Distractors distractors, List<QuerySet> querySets,
    String itemsHash) {

  public static RunSelection of(Experiment exp, Dataset dataset, Optional<Distractors> distractors) {
    List<Item> corpus = corpus(exp, dataset);
    Set<String> corpusIds = new HashSet<>();
    corpus.forEach(it -> corpusIds.add(it.id()));
    Distractors d = distractors.orElse(null);
    return new RunSelection(corpus, d, querySets(exp, dataset, corpusIds), itemsHash(dataset, corpus, d));
  }

  /** Every item searched: the real ones and the distractors. */
  public long corpusSize() {
    return corpus.size() + (distractors == null ? 0 : distractors.count());
  }

  private static List<Item> corpus(Experiment exp, Dataset dataset) {
    List<Item> items = new ArrayList<>();
    boolean testOnly = exp.dataset().split().equals("test") && !dataset.splits().isEmpty();
    for (Item it : dataset.items().values()) {
      if (!testOnly || dataset.splits().get(it.id()) == Split.TEST) {
        items.add(it);
      }
    }
    Integer max = exp.limits().items();
    if (max != null && items.size() > max) {
      items = new ArrayList<>(items.subList(0, max));
    }
    if (items.isEmpty()) {
      throw new BadInputException(String.format(Locale.ROOT,
          "dataset '%s': no items in split '%s'", dataset.name(), exp.dataset().split()));
    }
    return items;
  }

  private static List<QuerySet> querySets(Experiment exp, Dataset dataset, Set<String> corpusIds) {
    List<String> names = exp.querySets().isEmpty()
        ? dataset.querySets().stream().map(QuerySet::name).toList()
        : exp.querySets();
    boolean cut = exp.limits().items() != null;
    List<QuerySet> out = new ArrayList<>();
    for (String n : names) {
      QuerySet qs = dataset.querySet(n);
      List<Query> queries = qs.queries();
      Integer max = exp.limits().queriesPerSet();
      if (max != null && queries.size() > max) {
        queries = queries.subList(0, max);
      }
      Set<String> qids = new HashSet<>();
      queries.forEach(q -> qids.add(q.id()));
      Map<String, Map<String, Integer>> judg = new LinkedHashMap<>();
      qs.qrels().asMap().forEach((q, docs) -> {
        if (!qids.contains(q)) {
          return;
        }
        Map<String, Integer> kept = new LinkedHashMap<>();
        docs.forEach((d, g) -> {
          if (!cut || corpusIds.contains(d)) {
            kept.put(d, g);
          }
        });
        judg.put(q, kept);
      });
      out.add(new QuerySet(qs.name(), queries, new Qrels(judg)));
    }
    return out;
  }

  /** The real items' ids and, for a grown dataset, its distractor recipe (never the distractors one by one). */
  private static String itemsHash(Dataset dataset, List<Item> corpus, Distractors distractors) {
    StringBuilder sb = new StringBuilder(dataset.name()).append('\n');
    for (Item it : corpus) {
      sb.append(it.id()).append('\n');
    }
    if (distractors != null) {
      sb.append("distractors ").append(Json.line(distractors.recipe().toJson())).append('\n');
    }
    return Hashing.sha256Hex(sb.toString());
  }
}
