package io.lensbench.stores.milvus;

import io.lensbench.core.Ranking;
import io.lensbench.core.SearchHit;
import io.lensbench.stores.Filter;
import io.lensbench.stores.SchemaChecks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BM25 over the texts of one collection, scored here for a Milvus without BM25 functions (2.3).
 * Same tokens as Milvus's {@code standard} analyser with {@code lowercase} (runs of letters and
 * digits, lower-cased) and Milvus's formula: Σ idf(t) · tf·(k1+1) / (tf + k1·(1 − b + b·dl/avgdl)),
 * idf(t) = ln(1 + (N − n(t) + 0.5) / (n(t) + 0.5)), k1 = 1.2, b = 0.75, N and avgdl over the whole
 * collection. Filters (equals on scalars, excluded ids) are applied to the stored scalar values.
 * Built from one read of the collection; immutable.
 */
final class MilvusBm25 {
  private static final double K1 = 1.2;
  private static final double B = 0.75;
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

  /** One stored document: its id, its scalars (as Milvus returned them) and its tokens per text field. */
  record Doc(String id, Map<String, Object> scalars, Map<String, List<String>> tokens) {}

  private final List<Doc> docs;
  /** Per text field: document frequency of each token and the average length. */
  private final Map<String, Map<String, Integer>> documentFrequency = new HashMap<>();
  private final Map<String, Double> averageLength = new HashMap<>();

  MilvusBm25(List<Doc> docs, List<String> textFields) {
    this.docs = List.copyOf(docs);
    for (String field : textFields) {
      Map<String, Integer> df = new HashMap<>();
      long total = 0;
      for (Doc d : docs) {
        List<String> tokens = d.tokens().getOrDefault(field, List.of());
        total += tokens.size();
        tokens.stream().distinct().forEach(t -> df.merge(t, 1, Integer::sum));
      }
      documentFrequency.put(field, df);
      averageLength.put(field, docs.isEmpty() ? 0 : (double) total / docs.size());
    }
  }

  /** The tokens Milvus's standard analyser with lowercase makes of a text. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      out.add(m.group().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** The top k documents for a query on one field in {@link Ranking#ORDER}; none scoring 0. */
  List<SearchHit> search(String field, String query, int k, Filter filter) {
    Map<String, Integer> df = documentFrequency.getOrDefault(field, Map.of());
    double avg = averageLength.getOrDefault(field, 0.0);
    List<String> terms = tokens(query).stream().distinct().toList();
    List<SearchHit> hits = new ArrayList<>();
    for (Doc d : docs) {
      if (!matches(d, filter)) {
        continue;
      }
      double score = score(d.tokens().getOrDefault(field, List.of()), terms, df, avg);
      if (score > 0) {
        hits.add(new SearchHit(d.id(), score));
      }
    }
    return Ranking.sortAndCut(hits, k);
  }

  private double score(List<String> tokens, List<String> terms, Map<String, Integer> df, double avg) {
    if (tokens.isEmpty()) {
      return 0;
    }
    Map<String, Integer> tf = new HashMap<>();
    tokens.forEach(t -> tf.merge(t, 1, Integer::sum));
    double norm = K1 * (1 - B + B * tokens.size() / (avg == 0 ? 1 : avg));
    double score = 0;
    for (String term : terms) {
      Integer f = tf.get(term);
      if (f != null) {
        int n = df.getOrDefault(term, 0);
        double idf = Math.log(1 + (docs.size() - n + 0.5) / (n + 0.5));
        score += idf * f * (K1 + 1) / (f + norm);
      }
    }
    return score;
  }

  /** Equals on every filtered scalar (numbers compared as longs) and not an excluded id. */
  private static boolean matches(Doc d, Filter filter) {
    if (filter.excludeIds().contains(d.id())) {
      return false;
    }
    for (Map.Entry<String, Object> e : filter.equals().entrySet()) {
      Object v = d.scalars().get(e.getKey());
      Object want = e.getValue();
      boolean same = want instanceof Number n
          ? v instanceof Number m && m.longValue() == n.longValue()
          : want.equals(v);
      if (!same) {
        return false;
      }
    }
    return true;
  }

  /** The fields read to build the index: id, the text fields and the filterable scalars. */
  static List<String> outputFields(List<String> textFields, List<String> scalars) {
    List<String> out = new ArrayList<>();
    out.add(SchemaChecks.ID_FIELD);
    out.addAll(textFields);
    out.addAll(scalars);
    return out;
  }
}
